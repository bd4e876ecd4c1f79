package org.prism.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Figure labels: the plain-text mathematics prism prints, as symbols. */
class MathTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tau = sigma^2 m t | τ = σ² m t",
        "L_pop(t) / E L(0) | Lₚₒₚ(t) / E L(0)",
        "E L_train / (k*d) | E Lₜᵣₐᵢₙ / (kd)",
        "(L_tr - tr(Sigma)/2) / m | (Lₜᵣ - tr(Σ)/2) / m",
        "tau = (sigma_1^2*sigma_2^2*d*h1) t | τ = (σ₁²σ₂²dh1) t",
        "sigma^2*d^2/n | σ²d²/n",
        "sigma_2^4*h^2 | σ₂⁴h²",
        "n/(sigma^2*d) | n/(σ²d)",
        "d^-1 | d⁻¹",
        "sigma_e^-1 -> inf | σₑ⁻¹ → ∞",
        "tau = (d/n) t | τ = (d/n) t",
        "W_Q stays, information too | W_Q stays, information too",
        "gamma = d/n, lambda fixed | γ = d/n, λ fixed",
        "m = 64 (8 runs, mean +- 2 SE) | m = 64 (8 runs, mean ± 2 SE)"})
    void plainMathematicsBecomesSymbols(String plain, String shown) {
        assertEquals(shown, MathText.of(plain));
    }
}
