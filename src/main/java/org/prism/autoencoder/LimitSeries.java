package org.prism.autoencoder;

import java.util.List;
import org.prism.algebra.Rational;

/**
 * Exact Taylor coefficients f_0..f_S of the normalised limiting curves, f(t) = sum_s f_s t^s / s!
 * (in the regime's time variable); {@code train} or {@code pop} is null where undefined.
 */
public record LimitSeries(List<Rational> train, List<Rational> pop) {
    public LimitSeries {
        train = train == null ? null : List.copyOf(train);
        pop = pop == null ? null : List.copyOf(pop);
    }

    /** The highest order S. */
    public int maxOrder() {
        return (train != null ? train : pop).size() - 1;
    }

    /** The truncated series sum_s f_s t^s / s! in double precision. */
    public static double sum(List<Rational> f, double t) {
        double total = 0;
        double term = 1; // t^s / s!
        for (int s = 0; s < f.size(); s++) {
            if (s > 0) term *= t / s;
            total += f.get(s).doubleValue() * term;
        }
        return total;
    }
}
