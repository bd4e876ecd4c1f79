package org.prism.regime.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.diagram.ModelEngine;
import org.prism.diagram.MomentWick;
import org.prism.diagram.TruncatedSeries;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;
import org.prism.simulation.Integrator;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RealData;
import org.prism.simulation.Spectrum;
import org.prism.simulation.TimeGrid;

/**
 * Gaussian equivalence on a real data set: a model whose data are drawn from a covariance $C$, with $C$ set to the
 * data's empirical covariance $\hat\Sigma$, trained three ways at the data's own sizes:
 * <ol>
 * <li>on the real data (fixed; only the parameters' draw changes from run to run);</li>
 * <li>on its Gaussian twin: fresh data $N(0, \hat\Sigma)$ for every run, each run from the same parameters' draw as
 * its real counterpart, so that their difference is paired and its error bar small;</li>
 * <li>by the diagrams: the exact series $\sum_s c_s t^s/s!$ at the moments $C_k$ of $\hat\Sigma$ (the expectation over
 * the twin's law), resummed ({@link Resummation}) where its approximants agree, else not claimed.</li>
 * </ol>
 * The twin and the diagrams are two routes to the same expectation; the real data differ from them by whatever is not
 * Gaussian in them, at this sample size. Cost: two simulations of {@code seeds} runs plus the coefficients to the order.
 */
public final class GaussianEquivalence {
    /**
     * One loss compared.
     *
     * @param series the truncated exact series at each time (an asymptotic series: good at small t only)
     * @param resummed the resummed curve, claimed up to {@code resummed.validUpTo()}; null when no approximant is free of
     *     poles on the times
     */
    public record Loss(String name, double[] realMean, double[] realSe, double[] twinMean, double[] twinSe, double[] differenceSe,
            double[] series, Resummation.Curve resummed) {
        /** {@code (real - twin) / se} at time {@code i}, {@code se} the standard error of the paired difference (NaN with one run). */
        public double z(int i) {
            double difference = realMean[i] - twinMean[i];
            if (Math.abs(difference) <= 1e-12 * Math.abs(twinMean[i])) return 0; // equal to rounding (a loss the data do not enter)
            return differenceSe[i] > 0 ? difference / differenceSe[i] : Double.NaN;
        }

        /** {@code |real - twin| / |twin|} at time {@code i}. */
        public double relativeDifference(int i) {
            return Math.abs(realMean[i] - twinMean[i]) / Math.abs(twinMean[i]);
        }
    }

    /**
     * The comparison.
     *
     * @param at every symbol of the model: the given ones, the data's sizes, the moments of its covariance
     * @param moments {@code C_1..C_K} of the data's covariance
     */
    public record Result(String model, String data, Point at, double[] moments, double[] times, int seeds, int order, List<Loss> losses) {}

    private GaussianEquivalence() {}

    /**
     * Runs the comparison.
     *
     * @param others the model's symbols other than the covariance's and the samples' sizes (e.g. {@code m}, {@code sigma2})
     * @param grid the time grid of both simulations (and of the curves)
     * @param order the exact series' order
     */
    public static Result run(ModelEngine engine, MatrixModel model, RealData data, Point others, TimeGrid grid, Integrator integrator, int seeds,
            long seed, int order, ModelSimulator simulator, ProgressListener progress) throws InterruptedException {
        RandomMatrix c = model.covariance().orElseThrow(() -> new IllegalArgumentException("model " + model.name()
                + " declares no covariance: Gaussian equivalence needs data drawn from one (covariance C[d], data X[d, n] ~ normal(0, C))"));
        Map<String, Rational> values = new LinkedHashMap<>(others.values());
        values.put(c.rows(), Rational.of(data.d()));
        String samples = samplesSize(model);
        values.put(samples, Rational.of(data.n()));
        Point at = new Point(values);
        ModelSimulationResult real = simulator.run(model, new ModelSimulationParams(at, grid, integrator, seeds, seed, true, null, data), progress);
        Spectrum twin = data.spectrum();
        // the same seed: run i starts from the same W(0) on the data and on its twin, so the difference is paired
        ModelSimulationResult gauss = simulator.run(model, new ModelSimulationParams(at, grid, integrator, seeds, seed, false, twin, null), progress);
        List<String> names = MomentWick.momentSymbols(model);
        double[] moments = data.moments(names.size());
        Map<String, Rational> withMoments = new LinkedHashMap<>(values);
        for (int k = 0; k < names.size(); k++) withMoments.put(names.get(k), Rational.exactDecimal(moments[k]));
        Point full = new Point(withMoments);
        double[] times = real.times();
        List<Loss> losses = new ArrayList<>();
        for (int k = 0; k < real.losses().size(); k++) {
            String loss = real.losses().get(k);
            TruncatedSeries series = TruncatedSeries.of(engine.exact(loss), full, order, null);
            Resummation.Curve curve;
            try {
                curve = Resummation.of(series.coefficients(), times);
            } catch (IllegalArgumentException e) {
                curve = null; // every approximant has a pole on the times: nothing claimed
            }
            losses.add(new Loss(loss, real.mean()[k], real.se()[k], gauss.mean()[k], gauss.se()[k], pairedSe(real.perSeed()[k], gauss.perSeed()[k]),
                    series.values(times), curve));
        }
        return new Result(model.name(), data.source(), full, moments, times, seeds, order, losses);
    }

    /** Per time, the standard error of the mean of the per-run differences (0 with one run). */
    private static double[] pairedSe(double[][] a, double[][] b) {
        int runs = a.length;
        double[] se = new double[a[0].length];
        if (runs < 2) return se;
        for (int i = 0; i < se.length; i++) {
            double mean = 0;
            for (int r = 0; r < runs; r++) mean += (a[r][i] - b[r][i]) / runs;
            double var = 0;
            for (int r = 0; r < runs; r++) var += Math.pow(a[r][i] - b[r][i] - mean, 2) / (runs - 1);
            se[i] = Math.sqrt(var / runs);
        }
        return se;
    }

    /** The size of the samples: the other side of the data drawn from the covariance. */
    private static String samplesSize(MatrixModel model) {
        for (RandomMatrix r : model.matrices()) {
            if (r.covariance() != null) return r.rowCovariance() ? r.cols() : r.rows();
        }
        throw new IllegalArgumentException("model " + model.name() + " draws no data from its covariance");
    }
}
