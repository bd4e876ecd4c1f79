package org.prism.regime.compare;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.geometry.IntVector;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;
import org.prism.regime.DerivedPrism;
import org.prism.regime.ExponentSpace;
import org.prism.regime.FaceLimit;
import org.prism.regime.FaceLimitSeries;
import org.prism.regime.Regime;
import org.prism.regime.ScalingRelation;
import org.prism.simulation.DivergenceException;
import org.prism.simulation.Integrator;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.Spectrum;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RunBatch;
import org.prism.simulation.RunCache;
import org.prism.simulation.StoredRun;
import org.prism.simulation.TimeGrid;

/**
 * Cross-check B for any face of any model: the real training, simulated at growing sizes along the face's
 * scaling, against the limit curve read off the diagrams ({@link FaceLimit}).
 *
 * <p><b>Path.</b> Every symbol is $x_i(N) = N^{u_i/u_{min}} x_{0,i}$ with $u$ the face limit's scaling
 * ($u_{min}$ its slowest size's power, so the slowest size grows like $N$: the same ray, finer steps) and
 * $x_0$ the least-norm solution (in logarithms) of the ratio values asked for; $N = N_0 2^j$, $j = 0..K-1$, with
 * $N_0$ the least power of two that makes every size at least {@link #MIN_SIZE}. Sizes are rounded to integers, so
 * each point's ratios differ slightly from those asked; the prediction is evaluated at each point's own ratios
 * (exactly, then resummed), so the difference measures the finite size alone.
 *
 * <p><b>Runs.</b> RK4 with about {@link #STEPS_PER_UNIT} steps per unit of $\tau$ (four times more, up to 64
 * times, while the simulator finds the step beyond its stability estimate or a run diverges), recorded at the $\tau$ grid times $\tau T(N)$;
 * each run is normalised as the limit is ($E L/\Lambda$, or $(E L - E L(0))/\Lambda$ run by run when the
 * limit measures the change), then averaged; smaller sizes get more runs (twice per halving, at most 64).
 *
 * <p><b>Verdict.</b> Per size and loss the error is $\max_\tau |\bar y - \ell| / \max_\tau |\ell|$ over the
 * times where the limit curve is claimed, the noise $\max_\tau 2\,\mathrm{SE}/\max_\tau|\ell|$; the rate $r$ fits
 * error $\sim N^{-r}$. <em>pass</em>: the largest size's error is at most {@link ConvergenceVerdict#PASS_ERROR} and either smaller
 * than the smallest size's or within its noise; <em>fail</em>: at least three sizes, the largest error above
 * {@link ConvergenceVerdict#PASS_ERROR} and no convergence ($r <$ {@link ConvergenceVerdict#MIN_RATE}); otherwise <em>inconclusive</em>, with why.
 */
public final class FaceComparer {
    static final int MIN_SIZE = 4;
    /** The largest ratio of size powers along a path that is simulated. */
    static final int MAX_SPREAD = 4;
    /** No size beyond this is simulated. */
    static final double MAX_SIZE = 1e6;
    static final int STEPS_PER_UNIT = 200;

    /**
     * @param sizes K, the most sizes
     * @param seeds runs at the K-th size (twice as many per smaller size, at most 64)
     * @param tauMax the last normalised time compared (cut to where the limit curve is claimed)
     * @param points time grid points
     * @param maxSeconds no size is run whose time, extrapolated from the previous size by its multiply-adds, passes this
     */
    public record Options(int sizes, int seeds, double tauMax, int points, double maxSeconds) {
        public Options {
            if (sizes < 1 || sizes > 10) throw new IllegalArgumentException("--sizes must be between 1 and 10, got " + sizes);
            if (!(maxSeconds > 0)) throw new IllegalArgumentException("--max-seconds must be > 0, got " + maxSeconds);
            if (seeds < 1 || seeds > 4096) throw new IllegalArgumentException("--seeds must be between 1 and 4096, got " + seeds);
            if (!(tauMax > 0) || !Double.isFinite(tauMax)) throw new IllegalArgumentException("--t-max must be a finite number > 0, got " + tauMax);
            if (points < 2 || points > 1000) throw new IllegalArgumentException("--points must be between 2 and 1000, got " + points);
        }
    }

    private final ModelSimulator simulator;
    /** For a model with a covariance: its spectrum at a value of its size (the runs' data law); null without one. */
    private final IntFunction<Spectrum> covariance;

    public FaceComparer(ModelSimulator simulator) {
        this(simulator, null);
    }

    /** With the data of a model with a covariance drawn, at every size of the path, from {@code covariance}'s spectrum. */
    public FaceComparer(ModelSimulator simulator, IntFunction<Spectrum> covariance) {
        this.simulator = simulator;
        this.covariance = covariance;
    }

    /**
     * Simulates {@code model} (its matrix form {@code matrix} when it has one, the faster route) along {@code limit}'s
     * scaling and compares. {@code steps} hears the integration steps done.
     */
    public FaceComparison run(String name, TensorModel model, MatrixModel matrix, DerivedPrism prism, FaceLimit limit, Options o, long seed,
            LongConsumer steps) throws InterruptedException {
        List<String> symbols = prism.space().symbols();
        IntVector u = limit.direction();
        // the same ray, slowest size growing like N: sizes double at most as fast as the slowest allows
        double slowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < symbols.size(); i++) if (prism.sizes().contains(symbols.get(i)) && u.get(i) > 0) slowest = Math.min(slowest, u.get(i));
        double[] powers = new double[symbols.size()];
        for (int i = 0; i < powers.length; i++) powers[i] = u.get(i) / (Double.isInfinite(slowest) ? 1 : slowest);
        double fastest = 0;
        for (int i = 0; i < symbols.size(); i++) {
            if (!prism.sizes().contains(symbols.get(i))) continue;
            if (u.get(i) <= 0) throw new IllegalArgumentException("size " + symbols.get(i) + " does not grow along the face's scaling "
                    + u + ": its limit is not reached on this path");
            fastest = Math.max(fastest, u.get(i));
        }
        if (fastest > MAX_SPREAD * slowest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the face's scaling grows its sizes from N^%d to N^%d: beyond a"
                    + " spread of %d the largest size explodes before the smallest grows", (long) slowest, (long) fastest, MAX_SPREAD));
        }
        double[] x0 = base(symbols, limit);
        for (int i = 0; i < symbols.size(); i++) {
            if (prism.sizes().contains(symbols.get(i)) && !(x0[i] > 1e-4 && x0[i] < 1e4)) {
                throw new IllegalArgumentException("the ratios asked for put " + symbols.get(i) + " at " + x0[i] + " times N^" + powers[i]
                        + ": too extreme to simulate; choose ratio values nearer 1");
            }
        }
        double n0 = 1;
        for (int guard = 0; ; guard++) {
            boolean big = true;
            for (int i = 0; i < symbols.size(); i++) {
                if (prism.sizes().contains(symbols.get(i)) && powers[i] > 0 && Math.pow(n0, powers[i]) * x0[i] < MIN_SIZE) big = false;
            }
            if (big) break;
            if (guard == 20) throw new IllegalArgumentException("the path reaches sizes of " + MIN_SIZE + " only beyond N = 2^20: ratios too extreme to simulate");
            n0 *= 2;
        }
        // the times: where every loss's limit is claimed, at the ratios asked for
        double[] grid = new double[o.points()];
        for (int i = 0; i < grid.length; i++) grid[i] = o.tauMax() * i / (grid.length - 1);
        double claimed = o.tauMax();
        for (Resummation.Curve c : limit.curves(grid).values()) claimed = Math.min(claimed, c.validUpTo());
        List<FaceComparison.Size> out = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        limit.params().forEach((k, v) -> params.put(k, v.toString()));
        if (claimed <= 0) {
            return new FaceComparison(name, limit.label(), u, limit.timeUnit(), params, new double[0], out, Map.of(),
                    FaceComparison.Verdict.INCONCLUSIVE, "the limit curve is claimed at no time after 0 (its approximants disagree at once):"
                    + " nothing to compare; more orders (--order, --leading) would extend it");
        }
        int kept = 0;
        for (double t : grid) if (t <= claimed) kept++;
        double[] taus = new double[kept];
        for (int i = 0; i < kept; i++) taus[i] = grid[i];
        String stopped = null;
        double lastCost = 0;
        for (int j = 0; j < o.sizes(); j++) {
            double n = n0 * Math.pow(2, j);
            int runs = (int) Math.max(o.seeds(), Math.min(64, o.seeds() * Math.pow(2, o.sizes() - 1 - j)));
            Plan plan = plan(model, matrix, prism, limit, symbols, powers, x0, n, runs, taus, seed + j, 1);
            if (j > 0 && lastCost > 0) {
                double expected = out.get(j - 1).seconds() * plan.cost() / lastCost;
                if (expected > o.maxSeconds()) {
                    stopped = String.format(Locale.ROOT, "stopped before N = %s: it would take about %.0f s (--max-seconds %.0f)", num(n),
                            expected, o.maxSeconds());
                    break;
                }
            }
            FaceComparison.Size size = size(model, matrix, prism, limit, symbols, plan, steps);
            out.add(size);
            lastCost = plan.cost() * size.refinement();
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String loss : limit.series().keySet()) rates.put(loss, rate(out, loss));
        FaceComparison c = verdict(new FaceComparison(name, limit.label(), u, limit.timeUnit(), params, taus, out, rates, null, null),
                expectedRate(prism, limit, powers));
        return stopped == null ? c : new FaceComparison(c.model(), c.face(), c.direction(), c.timeUnit(), c.params(), c.taus(), c.sizes(), c.rates(),
                c.verdict(), c.reason() + "; " + stopped);
    }

    /** $x_0$: least-norm logarithms with $\sum_i r_i \log x_{0,i} = \log p_r$ for every ratio asked. */
    static double[] base(List<String> symbols, FaceLimit limit) {
        double[] x0 = new double[symbols.size()];
        Arrays.fill(x0, 1);
        List<String> names = new ArrayList<>(limit.ratios().keySet());
        if (names.isEmpty()) return x0;
        double[][] r = new double[names.size()][symbols.size()];
        double[] b = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            IntVector v = limit.ratios().get(names.get(k));
            double root = ExponentSpace.rootOrder(names.get(k));
            for (int i = 0; i < symbols.size(); i++) r[k][i] = v.get(i) / root;
            double p = limit.params().get(names.get(k)).doubleValue();
            if (!(p > 0)) throw new IllegalArgumentException("ratio " + names.get(k) + " must be > 0 to be simulated, got " + limit.params().get(names.get(k)));
            b[k] = Math.log(p);
        }
        RealVector logs = new SingularValueDecomposition(new Array2DRowRealMatrix(r)).getSolver().solve(new ArrayRealVector(b));
        for (int i = 0; i < x0.length; i++) x0[i] = Math.exp(logs.getEntry(i));
        return x0;
    }

    /** One size's point, prediction and time grid, before anything runs; {@code cost}: its multiply-adds at the first step size. */
    private record Plan(double n, Point point, int runs, double timeScale, Map<String, double[]> predicted, Map<String, double[][]> bounds,
            Map<String, Double> norm, double[] taus, List<Double> record, long seed, double cost) {}

    private Plan plan(TensorModel model, MatrixModel matrix, DerivedPrism prism, FaceLimit limit, List<String> symbols, double[] powers,
            double[] x0, double n, int runs, double[] taus, long seed, int refine) {
        Map<String, Rational> at = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            double v = Math.pow(n, powers[i]) * x0[i];
            if (prism.sizes().contains(symbols.get(i)) && v > MAX_SIZE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "size %s would be %.3g at N = %s: beyond %.0g", symbols.get(i), v,
                        num(n), MAX_SIZE));
            }
            at.put(symbols.get(i), prism.sizes().contains(symbols.get(i)) ? Rational.of(Math.max(1, Math.round(v))) : Rational.exactDecimal(v));
        }
        Point point = new Point(at);
        // this point's own ratios, and the limit there
        Map<String, Rational> ratios = new LinkedHashMap<>();
        limit.ratios().forEach((name, r) -> {
            int root = ExponentSpace.rootOrder(name);
            Rational v = monomial(r, symbols, at);
            ratios.put(name, root == 1 ? v : Rational.exactDecimal(Math.pow(v.doubleValue(), 1.0 / root)));
        });
        // a covariance's moments: this point's own spectrum's, as the ratios are this point's own
        Spectrum spectrum = spectrumAt(matrix, point);
        for (Map.Entry<String, Rational> e : limit.params().entrySet()) {
            if (limit.ratios().containsKey(e.getKey())) continue;
            int k = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('_') + 1));
            ratios.put(e.getKey(), spectrum == null ? e.getValue() : Rational.exactDecimal(spectrum.moments(k)[k - 1]));
        }
        double timeScale = Math.pow(monomial(limit.clock(), symbols, at).doubleValue(), -1.0 / prism.period());
        Map<String, double[]> predicted = new LinkedHashMap<>();
        Map<String, double[][]> bounds = new LinkedHashMap<>();
        Map<String, Double> norm = new LinkedHashMap<>();
        for (Map.Entry<String, FaceLimitSeries> e : limit.series().entrySet()) {
            double[][] curve = prediction(limit, e.getValue(), ratios, taus);
            predicted.put(e.getKey(), curve[0]);
            if (curve.length == 3) {
                double[][] b = new double[taus.length][];
                for (int t = 0; t < taus.length; t++) b[t] = new double[] {curve[1][t], curve[2][t]};
                bounds.put(e.getKey(), b);
            }
            norm.put(e.getKey(), monomial(e.getValue().scale(), symbols, at).doubleValue());
        }
        List<Double> record = new ArrayList<>();
        for (double t : taus) record.add(t * timeScale);
        ModelSimulationParams p = params(point, taus, timeScale, record, runs, seed, refine, spectrum);
        double cost = matrix != null ? ModelSimulator.totalMultiplyAdds(matrix, p) : ModelSimulator.totalMultiplyAdds(model, p);
        return new Plan(n, point, runs, timeScale, predicted, bounds, norm, taus, record, seed, cost);
    }

    /**
     * A face series resummed at a point's own ratios: {value} or {value, lower, upper} at {@code taus}. Exact arithmetic
     * on those ratios (rationals of 53-bit doubles where a root or a moment enters) makes this the costliest part of a
     * comparison once its runs are stored, so the curves are kept in the simulator's run cache too, as a batch of kind
     * {@value #PREDICTION} keyed by the series, the ratios and the times.
     */
    private double[][] prediction(FaceLimit limit, FaceLimitSeries series, Map<String, Rational> ratios, double[] taus) {
        RunCache cache = simulator.cache();
        StringBuilder values = new StringBuilder();
        ratios.forEach((k, v) -> values.append(values.length() == 0 ? "" : ",").append(k).append('=').append(v));
        RunBatch key = new RunBatch(PREDICTION, limit.label(), Hashing.sha256().hashString(series.identity(), StandardCharsets.UTF_8).toString(),
                values.toString(), "taus=" + Arrays.toString(taus).replace(" ", ""), taus);
        StoredRun kept = cache.find(key, 0);
        if (kept != null) return kept.curves();
        long start = System.nanoTime();
        Resummation.Curve curve = Resummation.of(series.at(ratios), taus);
        double[][] out;
        if (curve.bounds() == null) {
            out = new double[][] {curve.value()};
        } else {
            out = new double[3][taus.length];
            out[0] = curve.value();
            for (int t = 0; t < taus.length; t++) {
                out[1][t] = curve.bounds()[t][0];
                out[2][t] = curve.bounds()[t][1];
            }
        }
        cache.put(key, 0, new StoredRun(out.length == 1 ? List.of("value") : List.of("value", "lower", "upper"), out, (System.nanoTime() - start) / 1e9,
                List.of()));
        return out;
    }

    /** The kind of the batches that keep resummed face series. */
    static final String PREDICTION = "face-prediction";

    /** The spectrum of the runs' data at {@code point}: the covariance's law at its size there; null without a covariance. */
    private Spectrum spectrumAt(MatrixModel matrix, Point point) {
        if (covariance == null || matrix == null) return null;
        OptionalInt size = matrix.covarianceSize(point);
        return size.isPresent() ? covariance.apply(size.getAsInt()) : null;
    }

    /** RK4 with about STEPS_PER_UNIT * refine steps per unit of tau, landing on every recorded time. */
    private static ModelSimulationParams params(Point point, double[] taus, double timeScale, List<Double> record, int runs, long seed, int refine,
            Spectrum spectrum) {
        double horizon = taus[taus.length - 1] * timeScale;
        int count = (int) Math.max(taus.length - 1, Math.ceil(STEPS_PER_UNIT * taus[taus.length - 1] * refine));
        count = ((count + taus.length - 2) / (taus.length - 1)) * (taus.length - 1);
        return new ModelSimulationParams(point, new TimeGrid(horizon / count, count, 0, record), Integrator.RK4, runs, seed, false, spectrum);
    }

    private FaceComparison.Size size(TensorModel model, MatrixModel matrix, DerivedPrism prism, FaceLimit limit, List<String> symbols, Plan plan,
            LongConsumer steps) throws InterruptedException {
        double[] taus = plan.taus();
        int runs = plan.runs();
        // each attempt's seconds as its runs took where they were computed (the run store keeps them), so that a size
        // read back from the store steers the time budget exactly as when it was run
        double seconds = 0;
        ModelSimulationResult r = null;
        int refine = 1;
        for (; r == null; refine *= 4) {
            ModelSimulationParams p = params(plan.point(), taus, plan.timeScale(), plan.record(), runs, plan.seed(), refine, spectrumAt(matrix, plan.point()));
            AtomicBoolean unstable = new AtomicBoolean();
            // above the estimated stability limit: refine rather than trust the run
            ProgressListener listener = ProgressListener.of(steps, message -> unstable.set(true));
            long start = System.nanoTime();
            try {
                r = matrix != null ? simulator.run(matrix, p, listener) : simulator.run(model, p, listener);
                seconds += r.runSeconds() / r.threads();
                if (unstable.get() && refine < 64) r = null;
            } catch (IllegalArgumentException e) { // a DivergenceException too
                seconds += (System.nanoTime() - start) / 1e9;
                boolean stability = e instanceof DivergenceException || (e.getMessage() != null && e.getMessage().contains("stability"));
                if (refine >= 64 || !stability) throw e;
            }
        }
        refine /= 4;
        Map<String, double[]> predicted = plan.predicted();
        Map<String, Double> norm = plan.norm();
        double n = plan.n();
        Point point = plan.point();
        double timeScale = plan.timeScale();
        Map<String, double[]> mean = new LinkedHashMap<>();
        Map<String, double[]> se = new LinkedHashMap<>();
        Map<String, Double> error = new LinkedHashMap<>();
        Map<String, Double> noise = new LinkedHashMap<>();
        for (String loss : limit.series().keySet()) {
            int k = r.losses().indexOf(loss);
            double lambda = norm.get(loss);
            boolean change = !limit.series().get(loss).relative();
            double[][] runsY = new double[runs][taus.length];
            for (int s = 0; s < runs; s++) {
                double[] l = r.perSeed()[k][s];
                for (int t = 0; t < taus.length; t++) runsY[s][t] = (l[t] - (change ? l[0] : 0)) / lambda;
            }
            double[] m = new double[taus.length];
            double[] e = new double[taus.length];
            for (int t = 0; t < taus.length; t++) {
                double sum = 0;
                for (double[] y : runsY) sum += y[t];
                m[t] = sum / runs;
                double var = 0;
                for (double[] y : runsY) var += (y[t] - m[t]) * (y[t] - m[t]);
                e[t] = runs > 1 ? Math.sqrt(var / (runs - 1) / runs) : 0;
            }
            double[] pred = predicted.get(loss);
            double scale = 0;
            for (double v : pred) scale = Math.max(scale, Math.abs(v));
            double worst = 0;
            double band = 0;
            for (int t = 0; t < taus.length; t++) {
                worst = Math.max(worst, Math.abs(m[t] - pred[t]));
                band = Math.max(band, 2 * e[t]);
            }
            mean.put(loss, m);
            se.put(loss, e);
            error.put(loss, worst / Math.max(scale, Double.MIN_NORMAL));
            noise.put(loss, band / Math.max(scale, Double.MIN_NORMAL));
        }
        return new FaceComparison.Size(n, point, runs, norm, timeScale, predicted, plan.bounds(), mean, se, error, noise, seconds, refine);
    }

    /** $\prod_i x_i^{r_i}$ exactly at the point. */
    static Rational monomial(IntVector r, List<String> symbols, Map<String, Rational> at) {
        Rational v = Rational.ONE;
        for (int i = 0; i < symbols.size(); i++) if (r.get(i) != 0) v = v.multiply(at.get(symbols.get(i)).pow(Math.toIntExact(r.get(i))));
        return v;
    }

    /** The least-squares slope of -log(error) against log(N), or null. */
    static Double rate(List<FaceComparison.Size> sizes, String loss) {
        if (sizes.size() < 2) return null;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int k = 0;
        for (FaceComparison.Size s : sizes) {
            double e = s.error().get(loss);
            if (!(e > 0)) return null;
            double x = Math.log(s.n());
            double y = -Math.log(e);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            k++;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    /**
     * The rate at which the path approaches its limit: the slowest of the face's vanishing or growing ratios (its
     * scaling relations that are not fixed) along the path, and of the slowest size itself ($1/N$), per unit of
     * $\log N$. Finite-size corrections cannot be expected to fall faster.
     */
    static double expectedRate(DerivedPrism prism, FaceLimit limit, double[] powers) {
        double rate = 1;
        for (Regime r : prism.regimes()) {
            if (!r.face().vertices().equals(limit.face().vertices())) continue;
            for (ScalingRelation rel : r.relations()) {
                if (rel.behaviour() == ScalingRelation.Behaviour.FIXED) continue;
                double g = 0;
                for (int i = 0; i < powers.length; i++) g += powers[i] * rel.exponent().get(i);
                if (Math.abs(g) > 1e-12) rate = Math.min(rate, Math.abs(g));
            }
        }
        return rate;
    }

    private static FaceComparison verdict(FaceComparison c, double expected) {
        List<ConvergenceVerdict.Loss> losses = new ArrayList<>();
        double[] ns = c.sizes().stream().mapToDouble(FaceComparison.Size::n).toArray();
        for (String loss : c.sizes().get(c.sizes().size() - 1).error().keySet()) {
            double[] errors = c.sizes().stream().mapToDouble(s -> s.error().get(loss)).toArray();
            double[] noise = c.sizes().stream().mapToDouble(s -> s.noise().get(loss)).toArray();
            losses.add(new ConvergenceVerdict.Loss(loss, "N", ns, errors, noise, c.rates().get(loss)));
        }
        ConvergenceVerdict.Result r = ConvergenceVerdict.of(losses, expected, false);
        return new FaceComparison(c.model(), c.face(), c.direction(), c.timeUnit(), c.params(), c.taus(), c.sizes(), c.rates(), r.verdict(),
                r.reason());
    }

    private static String num(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }
}
