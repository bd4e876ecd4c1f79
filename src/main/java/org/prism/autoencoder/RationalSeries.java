package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prism.algebra.Rational;

/**
 * A power series in t truncated after t^order, with exact rational (ordinary, not factorial)
 * coefficients: a_0 + a_1 t + ... + a_order t^order. Immutable.
 */
final class RationalSeries {
    private final Rational[] a;

    private RationalSeries(Rational[] a) {
        this.a = a;
    }

    static RationalSeries zero(int order) {
        Rational[] a = new Rational[order + 1];
        Arrays.fill(a, Rational.ZERO);
        return new RationalSeries(a);
    }

    static RationalSeries constant(Rational c, int order) {
        Rational[] a = zero(order).a;
        a[0] = c;
        return new RationalSeries(a);
    }

    /** The series with the given ordinary coefficients, padded with zeros or truncated to {@code order}. */
    static RationalSeries of(List<Rational> coefficients, int order) {
        Rational[] a = zero(order).a;
        for (int i = 0; i <= order && i < coefficients.size(); i++) a[i] = coefficients.get(i);
        return new RationalSeries(a);
    }

    /** exp(c t) truncated. */
    static RationalSeries exponential(Rational c, int order) {
        Rational[] a = new Rational[order + 1];
        a[0] = Rational.ONE;
        for (int s = 1; s <= order; s++) a[s] = a[s - 1].multiply(c).divide(Rational.of(s));
        return new RationalSeries(a);
    }

    int order() {
        return a.length - 1;
    }

    Rational coefficient(int s) {
        return a[s];
    }

    RationalSeries add(RationalSeries o) {
        Rational[] r = new Rational[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i].add(o.a[i]);
        return new RationalSeries(r);
    }

    RationalSeries subtract(RationalSeries o) {
        return add(o.scale(Rational.MINUS_ONE));
    }

    RationalSeries addConstant(Rational c) {
        Rational[] r = a.clone();
        r[0] = r[0].add(c);
        return new RationalSeries(r);
    }

    RationalSeries scale(Rational c) {
        Rational[] r = new Rational[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i].multiply(c);
        return new RationalSeries(r);
    }

    RationalSeries multiply(RationalSeries o) {
        int n = a.length;
        Rational[] r = new Rational[n];
        for (int s = 0; s < n; s++) {
            Rational sum = Rational.ZERO;
            for (int i = 0; i <= s; i++) {
                if (a[i].isZero() || o.a[s - i].isZero()) continue;
                sum = sum.add(a[i].multiply(o.a[s - i]));
            }
            r[s] = sum;
        }
        return new RationalSeries(r);
    }

    /**
     * sum_k c_k x^k with x = this series, which must have zero constant term (so only c_0..c_order
     * matter). Horner's scheme.
     */
    RationalSeries composeInto(List<Rational> c) {
        if (!a[0].isZero()) throw new IllegalArgumentException("inner series must vanish at t = 0");
        int top = Math.min(order(), c.size() - 1);
        if (top < 0) return zero(order());
        RationalSeries r = constant(c.get(top), order());
        for (int k = top - 1; k >= 0; k--) r = r.multiply(this).addConstant(c.get(k));
        return r;
    }

    /** exp(this) for a series with zero constant term: e_s = (1/s) sum_{k=1..s} k a_k e_{s-k}. */
    RationalSeries exp() {
        if (!a[0].isZero()) throw new IllegalArgumentException("exp needs a zero constant term");
        Rational[] e = new Rational[a.length];
        e[0] = Rational.ONE;
        for (int s = 1; s < a.length; s++) {
            Rational sum = Rational.ZERO;
            for (int k = 1; k <= s; k++) sum = sum.add(a[k].multiply(k).multiply(e[s - k]));
            e[s] = sum.divide(Rational.of(s));
        }
        return new RationalSeries(e);
    }

    /** The Taylor coefficients f_s = s! a_s (f(t) = sum f_s t^s / s!). */
    List<Rational> derivatives() {
        List<Rational> f = new ArrayList<>(a.length);
        Rational factorial = Rational.ONE;
        for (int s = 0; s < a.length; s++) {
            if (s > 0) factorial = factorial.multiply(s);
            f.add(a[s].multiply(factorial));
        }
        return f;
    }
}
