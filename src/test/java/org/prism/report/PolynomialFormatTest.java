package org.prism.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** LaTeX names of model symbols: Greek letters, subscripts after an underscore, other names upright. */
class PolynomialFormatTest {
    @Test
    void latexSymbols() {
        assertEquals("\\sigma", PolynomialFormat.latexSymbol("sigma"));
        assertEquals("\\sigma_{d}", PolynomialFormat.latexSymbol("sigma_d"));
        assertEquals("\\sigma_{1}", PolynomialFormat.latexSymbol("sigma_1"));
        assertEquals("d", PolynomialFormat.latexSymbol("d"));
        assertEquals("\\mathrm{h1}", PolynomialFormat.latexSymbol("h1"));
        assertEquals("w_{out}", PolynomialFormat.latexSymbol("w_out"));
        assertEquals("\\mathrm{a0}", PolynomialFormat.latexSymbol("a0"));
    }
}
