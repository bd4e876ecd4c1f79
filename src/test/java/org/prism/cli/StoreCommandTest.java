package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prism store list|export|prune, the store options of every command, and a store that survives kill -9. */
class StoreCommandTest {
    @TempDir
    Path dir;

    private static final String[] SIMULATE = {"simulate", "--model", "examples/cp3-sym.prism", "--at", "p=8,H=16,sigma=1/4", "--t-max", "1",
        "--dt", "1/40", "--record-every", "8", "-f", "csv"};

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** list, export (JSON and CSV) and prune on a store that one simulation filled; the simulation read back is the same. */
    @Test
    void listExportAndPrune() throws Exception {
        String store = dir.resolve("runs.db").toString();
        CliRunner first = CliRunner.run(with(SIMULATE, "--seeds", "4", "--store", store));
        assertEquals(0, first.exitCode(), first.err());
        CliRunner again = CliRunner.run(with(SIMULATE, "--seeds", "4", "--store", store));
        assertEquals(first.out(), again.out());
        CliRunner none = CliRunner.run(with(SIMULATE, "--seeds", "4", "--no-store"));
        assertEquals(first.out(), none.out());

        CliRunner list = CliRunner.run("store", "list", "--store", store, "-f", "json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode j = new ObjectMapper().readTree(list.out());
        assertEquals(1, j.get("batches").size());
        JsonNode b = j.get("batches").get(0);
        assertEquals("cp3-sym", b.get("model").asText());
        assertEquals("p=8,H=16,sigma=1/4", b.get("point").asText());
        assertEquals(4, b.get("runs").asInt());
        assertTrue(CliRunner.run("store", "list", "--store", store).out().contains("cp3-sym"));

        CliRunner json = CliRunner.run("store", "export", "--store", store);
        JsonNode e = new ObjectMapper().readTree(json.out());
        JsonNode runs = e.get("batches").get(0).get("runs");
        assertEquals(4, runs.size());
        int times = e.get("batches").get(0).get("times").size();
        assertEquals(times, runs.get(0).get("curves").get("pop").size());
        Path csv = dir.resolve("out/runs.csv");
        CliRunner toFile = CliRunner.run("store", "export", "--store", store, "-f", "csv", "-o", csv.toString());
        assertEquals(0, toFile.exitCode(), toFile.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("batch,kind,model,point,description,run,loss,time,value", lines.get(0));
        assertEquals(1 + 4 * times * runs.get(0).get("curves").size(), lines.size());

        CliRunner refused = CliRunner.run("store", "prune", "--store", store);
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("say what to remove"), refused.err());
        CliRunner other = CliRunner.run("store", "prune", "--store", store, "--model", "nothing-by-that-name");
        assertTrue(other.out().startsWith("removed 0 runs"), other.out());
        CliRunner pruned = CliRunner.run("store", "prune", "--store", store, "--model", "cp3-sym");
        assertTrue(pruned.out().startsWith("removed 4 runs and 0 coefficients"), pruned.out());
        assertEquals(0, new ObjectMapper().readTree(CliRunner.run("store", "list", "--store", store, "-f", "json").out()).get("batches").size());
    }

    /** Bad store options: one line on stderr and exit code 2. */
    @Test
    void badStoreOptionsAreRefused() throws Exception {
        CliRunner both = CliRunner.run("coefficients", "--order", "1", "--store", dir.resolve("a.db").toString(), "--no-store");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
        CliRunner folder = CliRunner.run("coefficients", "--order", "1", "--store", dir.toString());
        assertEquals(2, folder.exitCode());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        assertEquals(1, folder.err().strip().lines().count(), folder.err());
        CliRunner noStore = CliRunner.run("store", "list", "--no-store");
        assertEquals(2, noStore.exitCode());
        assertTrue(noStore.err().contains("no run store"), noStore.err());
        CliRunner spark = CliRunner.run(with(SIMULATE, "--seeds", "2", "--no-store", "--spark", "local[1]"));
        // Spark is on the test class path (provided scope): the option works here; the launcher's jar says it is missing
        assertEquals(0, spark.exitCode(), spark.err());
    }

    /** A default store that cannot be opened (a file where its folder should be) is said once; the command goes on without it. */
    @Test
    void aDefaultStoreThatCannotOpenIsSaidAndSkipped() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String before = System.getProperty("prism.store");
        System.setProperty("prism.store", file.resolve("runs.db").toString());
        try {
            CliRunner r = CliRunner.run("coefficients", "--order", "1");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("prism: warning: cannot create the folder"), r.err());
            assertTrue(r.err().contains("going on without a run store"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals(CliRunner.run("coefficients", "--order", "1", "--no-store").out(), r.out());
        } finally {
            if (before == null) System.clearProperty("prism.store");
            else System.setProperty("prism.store", before);
        }
    }

    /**
     * kill -9 in the middle of a simulation: the store stays consistent (SQLite's integrity check; every run kept has all
     * its curves), and the same command afterwards computes only the runs that were not kept and prints what a
     * simulation without a store prints.
     */
    @Test
    void aKilledSimulationLeavesAConsistentStoreAndResumes() throws Exception {
        Path store = dir.resolve("runs.db");
        String[] command = {"simulate", "--model", "examples/tied-autoencoder.prism", "--at", "d=48,m=24,n=96,sigma2=1/48", "--integrator", "rk4",
            "--dt", "1/100", "--steps", "300", "--record-every", "30", "--seeds", "24", "--threads", "1", "-f", "csv"};
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), "org.prism.cli.PrismCommand"));
        java.addAll(List.of(command));
        java.addAll(List.of("--store", store.toString()));
        Process p = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        int kept = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (kept < 3 && p.isAlive() && System.nanoTime() < until) {
            Thread.sleep(50);
            kept = kept(store);
        }
        assertTrue(p.isAlive(), "the simulation ended before it could be killed: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        int stored = count(store, "SELECT count(*) FROM runs");
        assertTrue(stored >= 3 && stored < 24, stored + " runs kept");
        assertEquals(1, count(store, "SELECT count(*) FROM pragma_integrity_check() WHERE integrity_check = 'ok'"));
        assertEquals(0, count(store, "SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM curves c WHERE c.batch = r.batch AND c.run = r.run) != 2"));
        assertEquals(0, count(store, "SELECT count(*) FROM curves c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.batch = c.batch AND r.run = c.run)"));

        CliRunner resumed = CliRunner.run(with(command, "--store", store.toString()));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(24, count(store, "SELECT count(*) FROM runs"));
        CliRunner fresh = CliRunner.run(with(command, "--no-store"));
        assertEquals(fresh.out(), resumed.out());
    }

    /** The runs kept so far, 0 while the child has not made the tables yet. */
    private static int kept(Path store) {
        if (!Files.exists(store)) return 0;
        try {
            return count(store, "SELECT count(*) FROM runs");
        } catch (Exception e) {
            return 0;
        }
    }

    private static int count(Path store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : -1;
        }
    }
}
