package org.prism.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Polynomial;

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

    /** Long coefficients in LaTeX break every few terms and say the same as on one line. */
    @Test
    void aLongPolynomialBreaksEveryFourTermsAndLosesNothing() {
        // (1 + x)^9 has 10 terms: three lines of 4, 4 and 2
        Polynomial p = Polynomial.ONE;
        for (int i = 0; i < 9; i++) p = p.multiply(Polynomial.ONE.add(Polynomial.symbol("x")));
        String lines = PolynomialFormat.latexLines(p, List.of("x"), 4);
        List<String> rows = lines.lines().toList();
        assertEquals(3, rows.size(), lines);
        assertTrue(rows.get(0).endsWith(" \\\\") && rows.get(1).startsWith("  &\\quad + ") && !rows.get(2).endsWith("\\\\"), lines);
        String joined = lines.replace(" \\\\\n  &\\quad", "");
        assertEquals(PolynomialFormat.latex(p, List.of("x")), joined);
        assertEquals(PolynomialFormat.latex(p, List.of("x")), PolynomialFormat.latexLines(p, List.of("x"), 0));
    }
}
