package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Recognising elementary curves from their exact coefficients, and resumming those that are not. */
class ClosedFormTest {
    /** f_s = sum_i A_i lambda_i^s: the derivatives at 0 of sum_i A_i e^{lambda_i tau}. */
    private static List<Rational> exponentials(Rational[] a, Rational[] lambda, int order) {
        List<Rational> f = new ArrayList<>();
        for (int s = 0; s <= order; s++) {
            Rational v = Rational.ZERO;
            for (int i = 0; i < a.length; i++) v = v.add(a[i].multiply(lambda[i].pow(s)));
            f.add(v);
        }
        return f;
    }

    @Test
    void randomExponentialSumsAreRecognisedExactly() {
        Random r = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + r.nextInt(3);
            Rational[] a = new Rational[k];
            Rational[] lambda = new Rational[k];
            for (int i = 0; i < k; i++) {
                a[i] = Rational.of(1 + r.nextInt(9), 1 + r.nextInt(5)).multiply(r.nextBoolean() ? 1 : -1);
                Rational l;
                do {
                    l = Rational.of(-r.nextInt(12), 1 + r.nextInt(4));
                } while (contains(lambda, l, i));
                lambda[i] = l;
            }
            List<Rational> f = exponentials(a, lambda, 2 * k + ClosedForm.CHECKS);
            ClosedForm form = ClosedForm.of(f).orElseThrow(() -> new AssertionError("not recognised: " + f));
            assertTrue(form.isExponentialSum());
            for (double t : new double[] {0, 0.3, 1.7}) {
                double exact = 0;
                for (int i = 0; i < k; i++) exact += a[i].doubleValue() * Math.exp(lambda[i].doubleValue() * t);
                assertEquals(exact, form.value(t), 1e-12 * Math.max(1, Math.abs(exact)), "trial " + trial);
            }
        }
    }

    private static boolean contains(Rational[] xs, Rational x, int n) {
        for (int i = 0; i < n; i++) if (xs[i].equals(x)) return true;
        return false;
    }

    @Test
    void aFormNeedsCoefficientsBeyondThoseThatDetermineIt() {
        // two exponentials need f_0..f_3 to fit and two more to be checked
        List<Rational> f = exponentials(new Rational[] {Rational.ONE, Rational.of(2)}, new Rational[] {Rational.of(-1), Rational.of(-3)}, 5);
        assertTrue(ClosedForm.of(f).isPresent());
        assertFalse(ClosedForm.exponentials(f.subList(0, 5)).isPresent(), "one check only");
        // change the last coefficient: the recurrence fails its check
        List<Rational> broken = new ArrayList<>(f);
        broken.set(5, broken.get(5).add(Rational.ONE));
        assertFalse(ClosedForm.exponentials(broken).isPresent());
    }

    /** (1 + 4 tau)^-2 = sum_s (s + 1)(-4)^s tau^s: f_s = s! (s + 1) (-4)^s, a rational function, no finite exponential sum. */
    @Test
    void theEndLawOfTheFreeRegimeIsRational() {
        List<Rational> f = new ArrayList<>();
        BigInteger fact = BigInteger.ONE;
        for (int s = 0; s <= 6; s++) {
            if (s > 0) fact = fact.multiply(BigInteger.valueOf(s));
            f.add(Rational.of(fact).multiply(s + 1).multiply(Rational.of(-4).pow(s)));
        }
        ClosedForm form = ClosedForm.of(f).orElseThrow();
        assertFalse(form.isExponentialSum());
        assertEquals("(1)/(1 + 8*tau + 16*tau^2)", form.text());
        assertEquals(1 / Math.pow(1 + 4 * 0.7, 2), form.value(0.7), 1e-14);
    }

    /** log(1 + tau)/tau = sum_s (-1)^s tau^s/(s + 1): neither form; the Pade curve agrees with it where it claims to. */
    @Test
    void aCurveWithoutClosedFormIsResummedAndItsClaimHolds() {
        List<Rational> f = new ArrayList<>();
        BigInteger fact = BigInteger.ONE;
        for (int s = 0; s <= 10; s++) {
            if (s > 0) fact = fact.multiply(BigInteger.valueOf(s));
            f.add(Rational.of(fact).multiply(s % 2 == 0 ? 1 : -1).divide(Rational.of(s + 1)));
        }
        assertFalse(ClosedForm.of(f).isPresent());
        double[] taus = {0, 0.5, 1, 2, 4, 8, 16};
        Resummation.Curve c = Resummation.of(f, taus);
        assertNull(c.closedForm());
        assertTrue(c.validUpTo() >= 2, "the [5/5] and [4/5] approximants agree well beyond the radius of convergence 1: " + c.validUpTo());
        for (int i = 0; i < taus.length; i++) {
            double exact = taus[i] == 0 ? 1 : Math.log1p(taus[i]) / taus[i];
            if (taus[i] <= c.validUpTo()) assertEquals(exact, c.value()[i], 10 * Resummation.TOLERANCE * exact, "tau = " + taus[i]);
        }
        // 1/(1 - tau): f_s = s!, a rational form with a pole at 1; not claimed from there on
        List<Rational> pole = new ArrayList<>();
        BigInteger g = BigInteger.ONE;
        for (int s = 0; s <= 5; s++) {
            if (s > 0) g = g.multiply(BigInteger.valueOf(s));
            pole.add(Rational.of(g));
        }
        Resummation.Curve p = Resummation.of(pole, new double[] {0, 0.5, 2});
        assertEquals(2.0, p.value()[1], 1e-14);
        assertTrue(Double.isNaN(p.value()[2]));
        assertEquals(0.5, p.validUpTo());
        assertEquals(1.0, p.closedForm().firstPole(2), 1e-12);
    }
}
