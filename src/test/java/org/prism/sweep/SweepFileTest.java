package org.prism.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prism.algebra.Rational;
import org.prism.simulation.Integrator;

class SweepFileTest {
    @TempDir
    Path dir;

    /** A grid is every combination of the values given, in the order written (the last symbol fastest), read exactly. */
    @Test
    void aGridIsEveryCombination() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "simulate:\n  - model: examples/cp3-sym.prism\n    at: {p: [4, 8], H: [16, 32, 64], sigma: 0.25}\n    t-max: 1\n");
        SweepFile s = SweepFile.read(f);
        assertEquals(6, s.simulations().size());
        List<String> points = s.simulations().stream().map(c -> c.at().text(",")).toList();
        assertEquals(List.of("p=4,H=16,sigma=1/4", "p=4,H=32,sigma=1/4", "p=4,H=64,sigma=1/4", "p=8,H=16,sigma=1/4", "p=8,H=32,sigma=1/4",
                "p=8,H=64,sigma=1/4"), points);
        SweepFile.Simulation c = s.simulations().get(0);
        assertEquals(Rational.of(1, 4), c.at().values().get("sigma"));
        // the defaults
        assertNull(c.dt());
        assertEquals(11, c.points());
        assertEquals(8, c.seeds());
        assertEquals(Integrator.RK4, c.integrator());
        assertEquals(0, s.seed());
    }

    /** The same sweep written as JSON reads the same. */
    @Test
    void jsonReadsAsYaml() throws Exception {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "seed: 5\nfaces:\n  - model: examples/teacher-student.prism\n    faces: [F1, F2]\n    sizes: 3\n");
        Path json = dir.resolve("s.json");
        Files.writeString(json, "{\"seed\": 5, \"faces\": [{\"model\": \"examples/teacher-student.prism\", \"faces\": [\"F1\", \"F2\"], \"sizes\": 3}]}");
        SweepFile a = SweepFile.read(yaml);
        SweepFile b = SweepFile.read(json);
        assertEquals(a.seed(), b.seed());
        assertEquals(a.faces().get(0).names(), b.faces().get(0).names());
        assertEquals(List.of("F1", "F2"), b.faces().get(0).names());
        assertEquals(3, b.faces().get(0).sizes());
        assertEquals(10.0, b.faces().get(0).maxSeconds());
    }
}
