package org.prism.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prism.algebra.Point;
import org.prism.model.Models;
import org.prism.simulation.DivergenceException;
import org.prism.simulation.Integrator;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.TimeGrid;

/** Runs as Spark tasks (local[2]): the runs this machine computes, and a divergence that comes back as one, not retried. */
class SparkRunExecutorTest {
    @Test
    void runsAndDivergencesComeBackAsThemselves() throws Exception {
        try (SparkRunExecutor spark = new SparkRunExecutor("local[2]")) {
            ModelSimulationParams p = new ModelSimulationParams(Point.parse("d=6,m=4,n=10,sigma2=1/4"), new TimeGrid(0.02, 40, 8, null), Integrator.RK4, 5,
                    9L, false);
            ModelSimulationResult there = new ModelSimulator(1).withExecutor(spark).run(Models.tiedAutoencoder(), p, null);
            ModelSimulationResult here = new ModelSimulator(2).run(Models.tiedAutoencoder(), p, null);
            for (int k = 0; k < here.losses().size(); k++) {
                for (int s = 0; s < 5; s++) assertArrayEquals(here.perSeed()[k][s], there.perSeed()[k][s]);
            }
            assertTrue(there.backend().startsWith("Spark local[2]"), there.backend());
            // d = m = n = 8, sigma^2 = 1, Euler with dt = 0.03: beyond the stability limit (about 0.008), the run blows up (ModelSimulatorTest)
            ModelSimulationParams blowUp = new ModelSimulationParams(Point.parse("d=8,m=8,n=8,sigma2=1"), new TimeGrid(0.03, 400, 1, null),
                    Integrator.EULER, 1, 7L, false);
            assertThrows(DivergenceException.class, () -> new ModelSimulator(1).run(Models.tiedAutoencoder(), blowUp, null));
            DivergenceException e = assertThrows(DivergenceException.class,
                    () -> new ModelSimulator(1).withExecutor(spark).run(Models.tiedAutoencoder(), blowUp, null));
            assertTrue(e.getMessage().contains("reduce --dt"), e.getMessage());
        }
    }
}
