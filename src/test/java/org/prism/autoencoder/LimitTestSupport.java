package org.prism.autoencoder;

import org.prism.cli.LimitInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;

/** Small helpers shared by the regime-limit tests. */
final class LimitTestSupport {
    private LimitTestSupport() {}

    /** {"g","1/2","y","2"} -> exact map. */
    static Map<String, Rational> exact(String... kv) {
        Map<String, Rational> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], Rational.parse(kv[i + 1]));
        return m;
    }

    static Map<String, Double> doubles(Map<String, Rational> exact) {
        return LimitInput.toDoubles(exact);
    }

    static Rational r(String s) {
        return Rational.parse(s);
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    /** The truncated series at each time. */
    static double[] summed(List<Rational> f, double[] times) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) out[i] = LimitSeries.sum(f, times[i]);
        return out;
    }
}
