package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Point;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;

/**
 * The simulators with a run cache: runs read back are the runs computed (bit for bit), only the runs missing are
 * computed, and a run computed alone (as a task on another machine computes it) is the same run.
 */
class StoredRunsTest {
    /** A cache in a map, counting what it is asked for and given. */
    static final class MapCache implements RunCache {
        final Map<String, StoredRun> runs = new ConcurrentHashMap<>();
        final AtomicInteger puts = new AtomicInteger();

        @Override
        public StoredRun find(RunBatch batch, int run) {
            return runs.get(batch.id() + "#" + run);
        }

        @Override
        public void put(RunBatch batch, int run, StoredRun result) {
            puts.incrementAndGet();
            runs.put(batch.id() + "#" + run, result);
        }
    }

    private static ModelSimulationParams params(int seeds, boolean fixed, Spectrum spectrum) {
        return new ModelSimulationParams(Point.parse(spectrum == null ? "d=6,m=4,n=10,sigma2=1/4" : "d=6,m=4,n=10,sigma2=1/4"),
                new TimeGrid(0.02, 50, 10, null), Integrator.RK4, seeds, 11L, fixed, spectrum);
    }

    private static void assertSameRuns(ModelSimulationResult a, ModelSimulationResult b) {
        assertEquals(a.losses(), b.losses());
        for (int k = 0; k < a.losses().size(); k++) {
            for (int s = 0; s < a.perSeed()[k].length; s++) assertArrayEquals(a.perSeed()[k][s], b.perSeed()[k][s], "loss " + k + " run " + s);
            assertArrayEquals(a.mean()[k], b.mean()[k]);
            assertArrayEquals(a.se()[k], b.se()[k]);
        }
    }

    /** 8 runs kept, 16 asked: 8 more computed, and the 16 are the 16 of a simulation without a cache. */
    @Test
    void moreSeedsAddRunsToABatch() throws InterruptedException {
        MatrixModel model = Models.tiedAutoencoder();
        MapCache cache = new MapCache();
        ModelSimulator sim = new ModelSimulator(2).withCache(cache);
        ModelSimulationResult first = sim.run(model, params(8, false, null), null);
        assertEquals(0, first.reused());
        assertEquals(8, cache.puts.get());
        ModelSimulationResult more = sim.run(model, params(16, false, null), null);
        assertEquals(8, more.reused());
        assertEquals(16, cache.puts.get());
        assertSameRuns(new ModelSimulator(1).run(model, params(16, false, null), null), more);
        ModelSimulationResult again = sim.run(model, params(16, false, null), null);
        assertEquals(16, again.reused());
        assertEquals(16, cache.puts.get());
        assertSameRuns(more, again);
        assertEquals(more.runSeconds(), again.runSeconds());
    }

    /** The tied autoencoder's own simulator keeps its runs too: 4 kept, 8 asked, 4 more run, and the 8 are those without a cache. */
    @Test
    void theTiedAutoencodersOwnSimulatorKeepsItsRuns() throws InterruptedException {
        MapCache cache = new MapCache();
        IntFunction<SimulationParams> p = seeds -> SimulationParams.builder().d(6).m(4).n(10).sigma2(0.25).dt(0.02).tMax(1.0)
                .recordEvery(10).integrator(Integrator.RK4).seeds(seeds).seed(5).build();
        new GradientDescentSimulator(2).withCache(cache).run(p.apply(4), null);
        assertEquals(4, cache.puts.get());
        SimulationResult more = new GradientDescentSimulator(2).withCache(cache).run(p.apply(8), null);
        assertEquals(8, cache.puts.get());
        SimulationResult plain = new GradientDescentSimulator(1).run(p.apply(8), null);
        for (int s = 0; s < 8; s++) {
            assertArrayEquals(plain.trainPerSeed()[s], more.trainPerSeed()[s]);
            assertArrayEquals(plain.popPerSeed()[s], more.popPerSeed()[s]);
        }
    }

    /** What identifies a batch: another seed, step, point or law is another batch; the number of seeds is not part of it. */
    @Test
    void aBatchIsItsRunsIdentity() {
        MatrixModel model = Models.tiedAutoencoder();
        RunBatch base = new SimulationJob(model, null, params(8, false, null)).batch();
        assertEquals(base.id(), new SimulationJob(model, null, params(64, false, null)).batch().id());
        assertNotEquals(base.id(), new SimulationJob(model, null, params(8, true, null)).batch().id());
        ModelSimulationParams p = params(8, false, null);
        assertNotEquals(base.id(), new SimulationJob(model, null, new ModelSimulationParams(p.at(), p.grid(), p.integrator(), 8, 12L, false)).batch().id());
        assertNotEquals(base.id(), new SimulationJob(model, null, new ModelSimulationParams(Point.parse("d=6,m=4,n=11,sigma2=1/4"), p.grid(),
                p.integrator(), 8, 11L, false)).batch().id());
        assertNotEquals(base.id(), new SimulationJob(model, null, new ModelSimulationParams(p.at(), new TimeGrid(0.02, 51, 10, null),
                p.integrator(), 8, 11L, false)).batch().id());
        // the same content under another name is the same model
        MatrixModel renamed = new MatrixModel("other", model.sizes(), model.matrices(), model.losses(), model.velocity());
        assertEquals(base.id(), new SimulationJob(renamed, null, params(8, false, null)).batch().id());
    }

    /**
     * A run computed alone (a Spark task's route) is run i of the whole simulation, with shared data and without, and
     * for a model with a covariance; a job survives Java serialisation (how it travels to a task).
     */
    @Test
    void aRunComputedAloneIsTheSameRun() throws Exception {
        MatrixModel covariance = MatrixLowering.lower(ModelFile.parse(Path.of("examples/tied-autoencoder-covariance.prism"))).orElseThrow();
        List<SimulationJob> jobs = new ArrayList<>(List.of(new SimulationJob(Models.tiedAutoencoder(), null, params(4, false, null)),
                new SimulationJob(Models.tiedAutoencoder(), null, params(4, true, null)),
                new SimulationJob(covariance, null, params(4, false, Spectrum.parse("power:alpha=1", 6)))));
        for (SimulationJob job : jobs) {
            ModelSimulationResult whole = new ModelSimulator(2).run(job, null);
            SimulationJob travelled = roundTrip(job);
            assertEquals(job.batch().id(), travelled.batch().id());
            for (int i : new int[] {0, 3}) {
                StoredRun alone = travelled.compute(i);
                for (int k = 0; k < whole.losses().size(); k++) assertArrayEquals(whole.perSeed()[k][i], alone.curves()[k]);
            }
        }
    }

    /** A kept run's warning (a step above the stability estimate) reaches the caller again when the run is read back. */
    @Test
    void warningsAreReplayed() throws InterruptedException {
        MatrixModel model = Models.tiedAutoencoder();
        MapCache cache = new MapCache();
        List<String> heard = new ArrayList<>();
        ProgressListener listen = ProgressListener.of(steps -> {}, heard::add);
        // d = m = n = 8, sigma^2 = 1: the Euler limit is about 0.008 (ModelSimulatorTest), so 0.012 warns but stays finite for 5 steps
        ModelSimulationParams p = new ModelSimulationParams(Point.parse("d=8,m=8,n=8,sigma2=1"), new TimeGrid(0.012, 5, 1, null), Integrator.EULER,
                2, 1L, false);
        new ModelSimulator(1).withCache(cache).run(model, p, listen);
        assertEquals(1, heard.size(), heard.toString());
        heard.clear();
        ModelSimulationResult again = new ModelSimulator(1).withCache(cache).run(model, p, listen);
        assertEquals(2, again.reused());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).contains("stability"), heard.get(0));
    }

    private static SimulationJob roundTrip(SimulationJob job) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(job);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SimulationJob) in.readObject();
        }
    }
}
