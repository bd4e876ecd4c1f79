package org.prism.algebra;

import java.util.function.DoubleUnaryOperator;

/**
 * Quadrature against the Marchenko-Pastur law mu_gamma: density sqrt((l+ - l)(l - l-)) / (2 pi
 * gamma l) on [l-, l+] = [(1 - sqrt gamma)^2, (1 + sqrt gamma)^2], plus an atom of mass 1 - 1/gamma
 * at l = 0 when gamma > 1 (gamma = 0 is the point mass at 1).
 *
 * <p>The substitution l = 1 + gamma + 2 sqrt(gamma) cos(theta) turns the continuous part into
 * (2/pi) int_0^pi f(l) sin^2(theta) / l dtheta: the square-root edges become the smooth zeros of
 * sin^2, and the integrand extends to an even, 2 pi-periodic function of theta, so the trapezoidal
 * rule in theta (equivalently Gauss-Chebyshev of the second kind) converges geometrically for
 * analytic f. l and sin^2(theta)/l are evaluated through half angles (l = l- + 4 sqrt(gamma)
 * cos^2(theta/2)) so that they stay accurate near the lower edge, including gamma = 1 where l- = 0
 * and sin^2(theta)/l tends to 1/sqrt(gamma) at theta = pi. The atom contributes its mass times f(0). Sums are compensated (Neumaier), so that
 * rounding does not grow with the number of nodes and stall the adaptive test.
 */
public final class MarchenkoPastur {
    /** Default relative tolerance of the adaptive rule (relative to int |f| dmu). */
    public static final double DEFAULT_TOLERANCE = 1e-13;
    private static final int MIN_INTERVALS = 16;
    private static final int MAX_INTERVALS = 1 << 21;

    private final double gamma;
    private final double lower;
    private final double twoR; // 2 r = 4 sqrt(gamma)
    private final double atom;

    public MarchenkoPastur(double gamma) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
        this.gamma = gamma;
        double sq = Math.sqrt(gamma);
        this.lower = (1 - sq) * (1 - sq);
        this.twoR = 4 * sq;
        this.atom = gamma > 1 ? 1 - 1 / gamma : 0;
    }

    public double gamma() {
        return gamma;
    }

    public double lowerEdge() {
        return lower;
    }

    public double upperEdge() {
        return lower + twoR;
    }

    /** Mass of the atom at l = 0: max(0, 1 - 1/gamma). */
    public double atomMass() {
        return atom;
    }

    /** The point l(theta). */
    double point(double theta) {
        double c = Math.cos(theta / 2);
        return lower + twoR * c * c;
    }

    /** The distance to the upper edge, l+ - l(theta) = 4 sqrt(gamma) sin^2(theta/2), without cancellation. */
    double belowUpperEdge(double theta) {
        double s = Math.sin(theta / 2);
        return twoR * s * s;
    }

    /** The theta-weight (2/pi) sin^2(theta)/l(theta). */
    double weight(double theta) {
        double s = Math.sin(theta / 2);
        double c = Math.cos(theta / 2);
        return weight(s * s, c * c);
    }

    private double weight(double s2, double c2) {
        if (twoR == 0) return (2 / Math.PI) * 4 * s2 * c2; // gamma = 0: l = 1
        if (lower == 0) return (2 / Math.PI) * 2 * s2 / (twoR / 2); // gamma = 1: 4 s^2 c^2 / (2 r c^2)
        return (2 / Math.PI) * 4 * s2 * c2 / (lower + twoR * c2);
    }

    /** An integrand of several components f_k(l, l+ - l), written into {@code out}. */
    @FunctionalInterface
    public interface Integrand {
        void evaluate(double l, double belowUpperEdge, double[] out);
    }

    /** Adds the weighted integrand at theta (times {@code factor}) to the sums; false if the weight vanishes. */
    private void accumulate(Integrand f, double theta, double factor, double[] buffer, Sum[] sums, double[] abs) {
        double s = Math.sin(theta / 2);
        double c = Math.cos(theta / 2);
        double w = weight(s * s, c * c);
        if (w == 0) return;
        f.evaluate(lower + twoR * c * c, twoR * s * s, buffer);
        for (int k = 0; k < sums.length; k++) {
            double v = buffer[k] * w * factor;
            sums[k].add(v);
            abs[k] += Math.abs(v);
        }
    }

    private static Sum[] sums(int dim) {
        Sum[] s = new Sum[dim];
        for (int k = 0; k < dim; k++) s[k] = new Sum();
        return s;
    }

    /** int f dmu_gamma by the trapezoidal rule in theta with {@code intervals} intervals (plus the atom). */
    public double integrate(DoubleUnaryOperator f, int intervals) {
        return integrate(1, (l, u, out) -> out[0] = f.applyAsDouble(l), intervals)[0];
    }

    /**
     * int f_k(l, l+ - l) dmu_gamma, k < dim, with {@code intervals} intervals: f also receives the
     * distance l+ - l to the upper edge, computed without cancellation (for integrands peaked at l+).
     */
    public double[] integrate(int dim, Integrand f, int intervals) {
        if (intervals < 1) throw new IllegalArgumentException("intervals must be >= 1");
        double h = Math.PI / intervals;
        double[] buffer = new double[dim];
        Sum[] sum = sums(dim);
        double[] abs = new double[dim];
        for (int j = 0; j <= intervals; j++) accumulate(f, j * h, (j == 0 || j == intervals) ? 0.5 : 1, buffer, sum, abs);
        double[] out = new double[dim];
        double[] atomValues = new double[dim];
        if (atom > 0) f.evaluate(0, upperEdge(), atomValues);
        for (int k = 0; k < dim; k++) out[k] = sum[k].value() * h + atom * atomValues[k];
        return out;
    }

    public double integrate(DoubleUnaryOperator f) {
        return integrate(f, DEFAULT_TOLERANCE);
    }

    /**
     * int f dmu_gamma, doubling the number of intervals (reusing the old nodes) until two successive
     * refinements change the result by at most {@code tol} (at least 1e-15) times int |f| dmu.
     *
     * @throws ArithmeticException if 2^21 intervals do not reach the tolerance, or f is not finite
     */
    public double integrate(DoubleUnaryOperator f, double tol) {
        return integrate(1, (l, u, out) -> out[0] = f.applyAsDouble(l), tol)[0];
    }

    /** The adaptive rule for all components of f(l, l+ - l) at once (each must meet the test). */
    public double[] integrate(int dim, Integrand f, double tol) {
        tol = Math.max(tol, 1e-15); // below this, rounding of the integrand itself would stall the test
        int n = MIN_INTERVALS;
        double h = Math.PI / n;
        double[] buffer = new double[dim];
        Sum[] sum = sums(dim);
        double[] abs = new double[dim];
        for (int j = 0; j <= n; j++) accumulate(f, j * h, (j == 0 || j == n) ? 0.5 : 1, buffer, sum, abs);
        double[] atomPart = new double[dim];
        if (atom > 0) {
            f.evaluate(0, upperEdge(), atomPart);
            for (int k = 0; k < dim; k++) atomPart[k] *= atom;
        }
        double[] previous = new double[dim];
        for (int k = 0; k < dim; k++) {
            previous[k] = sum[k].value() * h + atomPart[k];
            if (!Double.isFinite(previous[k])) {
                throw new ArithmeticException("Marchenko-Pastur quadrature (gamma = " + gamma + "): non-finite integrand");
            }
        }
        int calm = 0;
        double[] current = new double[dim];
        while (n < MAX_INTERVALS) {
            double hNew = h / 2;
            for (int j = 1; j < 2 * n; j += 2) accumulate(f, j * hNew, 1, buffer, sum, abs);
            n *= 2;
            h = hNew;
            boolean small = true;
            for (int k = 0; k < dim; k++) {
                current[k] = sum[k].value() * h + atomPart[k];
                double scale = abs[k] * h + Math.abs(atomPart[k]);
                if (!(Math.abs(current[k] - previous[k]) <= tol * scale)) small = false;
            }
            if (small) {
                if (++calm >= 2) return current.clone();
            } else {
                calm = 0;
            }
            System.arraycopy(current, 0, previous, 0, dim);
        }
        throw new ArithmeticException("Marchenko-Pastur quadrature (gamma = " + gamma + ") did not converge with " + MAX_INTERVALS + " intervals");
    }

    /** Neumaier's compensated summation: the rounding of long sums stays at the level of one ulp. */
    private static final class Sum {
        private double sum;
        private double compensation;

        void add(double v) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) compensation += (sum - t) + v;
            else compensation += (v - t) + sum;
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }
}
