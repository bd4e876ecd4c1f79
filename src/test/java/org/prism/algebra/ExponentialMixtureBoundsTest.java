package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markov–Krein bounds for mixtures of decaying exponentials, on mixtures whose curve is known in closed form. */
class ExponentialMixtureBoundsTest {
    /** f(tau) = int_0^1 e^{-x tau} dx = (1 - e^{-tau})/tau: its derivatives at 0 are f_k = (-1)^k / (k+1). */
    private static List<Rational> uniform(int s) {
        List<Rational> f = new ArrayList<>();
        for (int k = 0; k <= s; k++) f.add(Rational.of(k % 2 == 0 ? 1 : -1, k + 1));
        return f;
    }

    @Test
    void theCurveLiesBetweenItsBoundsWhichTightenWithTheOrder() {
        ExponentialMixtureBounds six = ExponentialMixtureBounds.of(uniform(6)).orElseThrow();
        ExponentialMixtureBounds twelve = ExponentialMixtureBounds.of(uniform(12)).orElseThrow();
        for (double tau : new double[] {0, 0.5, 1, 2, 4, 8}) {
            double exact = tau == 0 ? 1 : -Math.expm1(-tau) / tau;
            double[] b6 = six.at(tau);
            double[] b12 = twelve.at(tau);
            assertTrue(b6[0] <= exact + 1e-12 && exact <= b6[1] + 1e-12, tau + ": " + exact + " in [" + b6[0] + ", " + b6[1] + "]");
            assertTrue(b12[0] <= exact + 1e-12 && exact <= b12[1] + 1e-12, tau + ": " + exact + " in [" + b12[0] + ", " + b12[1] + "]");
            assertTrue(b12[1] - b12[0] <= b6[1] - b6[0] + 1e-12, "order 12 is no looser than order 6 at " + tau);
        }
        // the width grows with tau: tight early, loose late
        assertTrue(twelve.at(1)[1] - twelve.at(1)[0] < 1e-6);
        assertTrue(six.at(8)[1] - six.at(8)[0] > 1e-3);
    }

    @Test
    void aCurveThatRisesOrOscillatesIsNoSuchMixture() {
        assertTrue(ExponentialMixtureBounds.of(List.of(Rational.ONE, Rational.ONE, Rational.ZERO, Rational.ZERO)).isEmpty(), "1 + tau");
        // cos(tau): derivatives 1, 0, -1, 0, 1; nu_0 = 0 makes the Hankel form singular
        List<Rational> cos = List.of(Rational.ONE, Rational.ZERO, Rational.of(-1), Rational.ZERO, Rational.ONE);
        assertTrue(ExponentialMixtureBounds.of(cos).isEmpty(), "cos");
        assertTrue(ExponentialMixtureBounds.of(uniform(2)).isEmpty(), "too few coefficients");
    }
}
