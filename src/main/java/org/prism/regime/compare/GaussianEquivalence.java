package org.prism.regime.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.ExponentSpace;
import org.prism.regime.FaceLimit;
import org.prism.regime.FaceLimitSeries;
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
     * @param face a face's limit at the data's own ratios and moments, in the loss's units (NaN where its curve is not
     *     claimed); null without a face ({@link #withFace})
     */
    public record Loss(String name, double[] realMean, double[] realSe, double[] twinMean, double[] twinSe, double[] differenceSe,
            double[] series, Resummation.Curve resummed, double[] face) {
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
    public record Result(String model, String data, Point at, double[] moments, double[] times, int seeds, int order, List<Loss> losses,
            String face) {}

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
                    series.values(times), curve, null));
        }
        return new Result(model.name(), data.source(), full, moments, times, seeds, order, losses, null);
    }

    /**
     * The comparison with the limit of the face {@code direction} selects, its face series to {@code order} taken at the
     * data's own ratios (those the face needs, read at the data's point) and its covariance's moments.
     */
    public static Result withFace(Result r, ModelEngine engine, DerivedPrism prism, String label, IntVector direction, List<String> losses,
            Map<String, Monomial> ratios, int order) {
        Map<String, Rational> params = new LinkedHashMap<>();
        for (String c : engine.moments()) params.put(c, r.at().values().get(c));
        Map<String, List<Polynomial>> cache = new LinkedHashMap<>();
        for (String name : FaceLimit.ratiosNeeded(engine, prism, direction, losses, order, false, cache, params)) {
            double v = valueAt(prism.space().parseRatio(name), prism.space().symbols(), r.at());
            params.put(name, Rational.exactDecimal(Math.pow(v, 1.0 / ExponentSpace.rootOrder(name))));
        }
        FaceLimit limit = FaceLimit.of(engine, prism, label, direction, losses, params, ratios, order, false, null, cache);
        return withFace(r, limit, prism);
    }

    /**
     * The comparison with a face's limit as well: {@code limit}'s curves (taken at the data's own ratios and its
     * covariance's moments) at the result's times in tau = t/T, T and the normalisation read at the data's point, in
     * the losses' units: {@code c_0 + scale f(tau)} for a series of the change, {@code scale f(tau)} otherwise.
     */
    public static Result withFace(Result r, FaceLimit limit, DerivedPrism prism) {
        List<String> symbols = prism.space().symbols();
        double timeScale = Math.pow(valueAt(limit.clock(), symbols, r.at()), -1.0 / prism.period());
        double[] taus = new double[r.times().length];
        for (int i = 0; i < taus.length; i++) taus[i] = r.times()[i] / timeScale;
        Map<String, Resummation.Curve> curves = limit.curves(taus);
        List<Loss> losses = new ArrayList<>();
        for (Loss l : r.losses()) {
            FaceLimitSeries series = limit.series().get(l.name());
            Resummation.Curve c = curves.get(l.name());
            double[] face = null;
            if (series != null && c != null) {
                double scale = valueAt(series.scale(), symbols, r.at());
                double offset = series.relative() ? 0 : l.series()[0]; // the exact c_0 at the data's point
                face = new double[taus.length];
                for (int i = 0; i < taus.length; i++) face[i] = taus[i] <= c.validUpTo() ? offset + scale * c.value()[i] : Double.NaN;
            }
            losses.add(new Loss(l.name(), l.realMean(), l.realSe(), l.twinMean(), l.twinSe(), l.differenceSe(), l.series(), l.resummed(), face));
        }
        return new Result(r.model(), r.data(), r.at(), r.moments(), r.times(), r.seeds(), r.order(), losses, limit.label());
    }

    /** A monomial's value at a point, a squared symbol given as {@code x2} (sigma2) read for the even powers of x. */
    public static double valueAt(IntVector x, List<String> symbols, Point at) {
        double v = 1;
        for (int i = 0; i < symbols.size(); i++) {
            long e = x.get(i);
            if (e == 0) continue;
            Rational value = at.values().get(symbols.get(i));
            if (value != null) {
                v *= Math.pow(value.doubleValue(), e);
            } else if (e % 2 == 0 && at.values().containsKey(symbols.get(i) + "2")) {
                v *= Math.pow(at.values().get(symbols.get(i) + "2").doubleValue(), e / 2);
            } else {
                throw new IllegalArgumentException("no value for " + symbols.get(i) + " at " + at.text(", "));
            }
        }
        return v;
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
    public static String samplesSize(MatrixModel model) {
        for (RandomMatrix r : model.matrices()) {
            if (r.covariance() != null) return r.rowCovariance() ? r.cols() : r.rows();
        }
        throw new IllegalArgumentException("model " + model.name() + " draws no data from its covariance");
    }
}
