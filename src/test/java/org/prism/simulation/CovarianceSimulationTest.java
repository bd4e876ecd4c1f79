package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.diagram.MomentWick;
import org.prism.diagram.TruncatedSeries;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;

/**
 * The generic simulator on data with a power-law covariance against the exact series in the moments of that
 * covariance: two independent routes (gradient flow on drawn matrices; Wick diagrams with C insertions) to the same
 * expected loss at small t, compared with Monte Carlo error bars.
 */
class CovarianceSimulationTest {
    static MatrixModel model() {
        return MatrixLowering.lower(ModelFile.parse(Path.of("examples/tied-autoencoder-covariance.prism"))).orElseThrow();
    }

    @Test
    void thePowerLawSimulationFollowsTheSeriesAtSmallTimes() throws InterruptedException {
        MatrixModel model = model();
        int d = 16;
        Point at = Point.parse("d=16,m=8,n=32,sigma2=1/16");
        Spectrum law = Spectrum.parse("power:alpha=1", d);
        // RK4 at dt = 1/1000: its error (dt^4 per unit time) is far below the error bars at t <= 0.01
        ModelSimulationParams p = new ModelSimulationParams(at, TimeGrid.of(0.001, 10, null, 5, List.of()), Integrator.RK4, 400, 7L, false, law);
        ModelSimulationResult r = new ModelSimulator(2).run(model, p, null);
        Map<String, Rational> values = new LinkedHashMap<>(at.values());
        List<String> moments = MomentWick.momentSymbols(model);
        double[] c = law.moments(moments.size());
        for (int k = 0; k < c.length; k++) values.put(moments.get(k), Rational.exactDecimal(c[k]));
        MatrixEngine engine = new MatrixEngine(model);
        for (int k = 0; k < r.losses().size(); k++) {
            String loss = r.losses().get(k);
            TruncatedSeries series = TruncatedSeries.of(engine.exact(loss), new Point(values), 5, null);
            // the series' last term is negligible at these times, so it is the expected loss there
            TruncatedSeries shorter = TruncatedSeries.of(engine.exact(loss), new Point(values), 4, null);
            assertWithin(series.value(0), r.mean()[k][0], r.se()[k][0], loss + " at t = 0");
            for (int i = 1; i < r.times().length; i++) {
                double t = r.times()[i];
                double expected = series.value(t) - series.value(0);
                assertTrue(Math.abs(series.value(t) - shorter.value(t)) < 0.02 * Math.abs(expected), loss + ": series not converged at t = " + t);
                // the change along each run: the draw of W(0) and X cancels, so the error bar is small
                double[] change = new double[r.perSeed()[k].length];
                for (int s = 0; s < change.length; s++) change[s] = r.perSeed()[k][s][i] - r.perSeed()[k][s][0];
                double mean = 0;
                for (double x : change) mean += x / change.length;
                double var = 0;
                for (double x : change) var += (x - mean) * (x - mean) / (change.length - 1);
                double se = Math.sqrt(var / change.length);
                assertWithin(expected, mean, se, loss + " change to t = " + t);
                assertTrue(se < 0.1 * Math.abs(expected), loss + ": the error bar " + se + " is too wide to test " + expected);
            }
        }
    }

    private static void assertWithin(double exact, double mean, double se, String what) {
        assertTrue(Math.abs(mean - exact) <= 4 * se, what + ": exact " + exact + ", simulated " + mean + " +- " + se);
    }

    @Test
    void aModelWithACovarianceNeedsItsSpectrumAndOnlyItTakesOne() {
        ModelSimulator sim = new ModelSimulator(1);
        Point at = Point.parse("d=4,m=2,n=8,sigma2=1/4");
        TimeGrid grid = TimeGrid.of(0.01, 2, null, 1, List.of());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> sim.run(model(), new ModelSimulationParams(at, grid, Integrator.EULER, 1, 0L, false, null), null));
        assertTrue(missing.getMessage().contains("--spectrum"), missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> sim.run(Models.tiedAutoencoder(), new ModelSimulationParams(at, grid, Integrator.EULER, 1, 0L, false, Spectrum.parse("power:alpha=1", 4)), null));
        assertTrue(extra.getMessage().contains("no covariance"), extra.getMessage());
    }

    @Test
    void withTheIdentityAsCovarianceTheRunsAreTheIsotropicModelsBitForBit() throws InterruptedException {
        // same seeds, same draws: X = 1 * Z and C = I make every product the isotropic model's
        Point at = Point.parse("d=6,m=3,n=8,sigma2=1/6");
        TimeGrid grid = TimeGrid.of(0.01, 20, null, 5, List.of());
        ModelSimulationResult iso = new ModelSimulator(1).run(Models.tiedAutoencoder(), new ModelSimulationParams(at, grid, Integrator.RK4, 3, 5L, false), null);
        ModelSimulationResult cov = new ModelSimulator(1).run(model(), new ModelSimulationParams(at, grid, Integrator.RK4, 3, 5L, false,
                Spectrum.parse("spiked:k=0,theta=0", 6)), null);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < iso.times().length; i++) assertEquals(iso.mean()[k][i], cov.mean()[k][i], 1e-12 * Math.abs(iso.mean()[k][i]), "loss " + k);
        }
    }
}
