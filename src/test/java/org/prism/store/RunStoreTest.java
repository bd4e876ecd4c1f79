package org.prism.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prism.algebra.Polynomial;
import org.prism.diagram.ModelEngine;
import org.prism.model.Models;
import org.prism.model.TensorModel;
import org.prism.simulation.RunBatch;
import org.prism.simulation.StoredRun;

class RunStoreTest {
    @TempDir
    Path dir;

    private static RunBatch batch(String description) {
        return new RunBatch("model", "m", "hash", "d=4", description, new double[] {0, 0.5, 1});
    }

    /** A run goes in and comes back bit for bit, with its warnings and seconds; another batch or index is not there. */
    @Test
    void aRunComesBackBitForBit() {
        try (RunStore s = RunStore.open(dir.resolve("a/runs.db"), w -> {})) {
            double[][] curves = {{1.0 / 3, Math.PI, -0.0}, {Double.MIN_VALUE, 1e300, 7}};
            s.put(batch("x"), 3, new StoredRun(List.of("train", "pop"), curves, 1.25, List.of("dt above the limit", "second")));
            StoredRun r = s.find(batch("x"), 3);
            assertEquals(List.of("train", "pop"), r.losses());
            for (int k = 0; k < 2; k++) {
                for (int t = 0; t < 3; t++) assertEquals(Double.doubleToRawLongBits(curves[k][t]), Double.doubleToRawLongBits(r.curves()[k][t]));
            }
            assertEquals(1.25, r.seconds());
            assertEquals(List.of("dt above the limit", "second"), r.warnings());
            assertNull(s.find(batch("x"), 2));
            assertNull(s.find(batch("y"), 3));
            assertEquals(List.of(3), s.runs(batch("x")));
        }
    }

    /** Coefficients read back equal (Polynomial.parse of what the store printed), keyed by model, engine, loss, quantity and order. */
    @Test
    void coefficientsComeBackExactly() {
        ModelEngine engine = ModelEngine.of(Models.tiedAutoencoderFile());
        Polynomial c3 = engine.exact("train").coefficient(3);
        try (RunStore s = RunStore.open(dir.resolve("runs.db"), w -> {})) {
            s.putCoefficient("h", "tied", "exact", "train", "c", 3, c3, 0.5);
            assertEquals(c3, s.coefficient("h", "exact", "train", "c", 3));
            assertNull(s.coefficient("h", "leading", "train", "c", 3));
            assertNull(s.coefficient("h", "exact", "pop", "c", 3));
            assertNull(s.coefficient("h2", "exact", "train", "c", 3));
        }
    }

    /**
     * The stored engine reads what the store holds: a deliberately false c_2 planted under the model's key is what it
     * returns (so it does not compute), and an order not stored is computed, equal to the engine's own, and kept.
     */
    @Test
    void theStoredEngineReadsBeforeItComputes() {
        TensorModel model = Models.tiedAutoencoderFile();
        ModelEngine plain = ModelEngine.of(model);
        try (RunStore s = RunStore.open(dir.resolve("runs.db"), w -> {})) {
            Polynomial planted = Polynomial.parse("7*d");
            s.putCoefficient(model.contentHash(), "x", "exact", "train", "c", 2, planted, 0);
            StoredEngine stored = new StoredEngine(plain, model.contentHash(), s);
            assertEquals(planted, stored.exact("train").coefficient(2));
            assertEquals(1, stored.exact("train").terms(2));
            assertEquals(plain.exact("train").coefficient(3), stored.exact("train").coefficient(3));
            assertEquals(plain.exact("train").coefficient(3), s.coefficient(model.contentHash(), "exact", "train", "c", 3));
            assertEquals(plain.leading("pop").coefficient(2), new StoredEngine(plain, model.contentHash(), s).leading("pop").coefficient(2));
        }
    }

    /** A folder, or a file of another layout, is refused with one line naming it. */
    @Test
    void whatIsNotAStoreIsRefused() throws Exception {
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> RunStore.open(dir, w -> {}));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        IllegalArgumentException layout = assertThrows(IllegalArgumentException.class, () -> RunStore.open(other, w -> {}));
        assertTrue(layout.getMessage().contains("layout 99"), layout.getMessage());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a database, but long enough to be read as one and refused by SQLite itself, surely");
        assertThrows(IllegalArgumentException.class, () -> RunStore.open(text, w -> {}));
    }

    /** Python's standard library reads a stored curve (docs/store.md's recipe), where python3 is installed. */
    @Test
    void pythonReadsTheStoreWithItsStandardLibrary() throws Exception {
        Path file = dir.resolve("runs.db");
        try (RunStore s = RunStore.open(file, w -> {})) {
            s.put(batch("x"), 0, new StoredRun(List.of("train"), new double[][] {{0.25, 1.0 / 3, 2}}, 0.1, List.of()));
        }
        String script = "import sqlite3, array, sys\n"
                + "db = sqlite3.connect(sys.argv[1])\n"
                + "for loss, blob in db.execute(\"SELECT loss, curve FROM curves WHERE run = 0\"):\n"
                + "    print(loss, repr(array.array('d', blob).tolist()))\n";
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script, file.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 is not installed");
            return;
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.exitValue(), out);
        assertEquals("train [0.25, 0.3333333333333333, 2.0]", out);
    }

    /** Little-endian doubles round-trip. */
    @Test
    void arraysAreLittleEndianDoubles() {
        double[] v = {1, -2.5, Double.NaN, Double.NEGATIVE_INFINITY};
        byte[] b = RunStore.bytes(v);
        assertEquals(32, b.length);
        assertEquals((byte) 0x3f, b[7]); // 1.0 = 0x3ff0000000000000, its high byte last
        assertArrayEquals(v, RunStore.doubles(b));
    }
}
