package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.ModelEngine;
import org.prism.model.lang.ModelFile;
import org.prism.simulation.Backend;

/** {@code prism bench}: the output format only (no timing is checked). */
class BenchCommandTest {

    @Test
    void stepPrintsTheBackendAndOneCsvRowPerSize() {
        CliRunner r = CliRunner.run("bench", "step", "16,8,32", "24,3,6");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].startsWith("# " + Backend.status() + "; 1 worker"), lines[0]);
        assertEquals("d,m,n,route,ms_per_step,gflops", lines[1]);
        assertTrue(lines[2].matches("16,8,32,latent_sigma,\\d+\\.\\d\\d,\\d+\\.\\d\\d"), lines[2]);
        assertTrue(lines[3].matches("24,3,6,latent_x,\\d+\\.\\d\\d,\\d+\\.\\d\\d"), lines[3]);
    }

    @Test
    void stepCanTimeThePureJavaPath() {
        CliRunner r = CliRunner.run("bench", "step", "--java", "8,8,8");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# native BLAS: ") && r.out().contains("pure Java (EJML); 1 worker;"), r.out());
    }

    @Test
    void badSizesAreOneLineAndExitCode2() {
        CliRunner r = CliRunner.run("bench", "step", "16,8");
        assertEquals(2, r.exitCode());
        assertEquals("prism bench step: a size is d,m,n with positive integers, got '16,8'", r.err().strip());
        assertEquals(2, CliRunner.run("bench", "step", "--threads", "0", "8,8,8").exitCode());
        CliRunner huge = CliRunner.run("bench", "step", "8,8,8", "100000,100000,100000");
        assertEquals(2, huge.exitCode(), huge.err());
        assertTrue(huge.err().contains("d=100000, m=100000, n=100000"), huge.err());
        assertEquals("", huge.out(), "refused before the first size is timed");
    }

    /**
     * A time limit far below order 30: the run ends with one line saying which order was interrupted or
     * not started, after a row for every order before it; a bad limit is one line and exit code 2.
     */
    @Test
    void aTimeLimitStopsTheRunAndSaysWhere() {
        CliRunner r = CliRunner.run("bench", "exact", "-S", "30", "--time-limit", "0.5");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("stopped: order (\\d+) (interrupted at the time limit of 0\\.5 s|not started: predicted .*past the time limit of 0\\.5 s)"), last);
        int order = Integer.parseInt(last.replaceAll("stopped: order (\\d+) .*", "$1"));
        assertEquals(order + 2, lines.length, "header, one row per finished order, the stop line: " + r.out());
        assertTrue(order >= 1 && order < 30, last);
        CliRunner bad = CliRunner.run("bench", "exact", "--time-limit", "0");
        assertEquals(2, bad.exitCode());
        assertEquals("prism bench exact: --time-limit must be a positive number of seconds, got 0.0", bad.err().strip());
    }

    /**
     * A model with a covariance is timed on its own (moment) engines, exact and leading (it was an internal error): its
     * rows give the terms of the coefficients that engine computes, loss by loss.
     */
    @Test
    void aModelWithMomentsIsTimedOnItsOwnEngine() {
        String file = "examples/tied-autoencoder-covariance.prism";
        ModelEngine engine = ModelEngine.of(ModelFile.read(Path.of(file)).model());
        for (boolean leading : new boolean[] {false, true}) {
            CliRunner r = leading ? CliRunner.run("bench", "exact", "-S", "3", "--leading", "--model", file)
                    : CliRunner.run("bench", "exact", "-S", "3", "--model", file);
            assertEquals(0, r.exitCode(), r.err());
            String[] lines = r.out().strip().split("\\R");
            assertEquals(5, lines.length, r.out());
            for (int s = 0; s <= 3; s++) {
                // columns: s, words train, words pop, states, terms train, terms pop, ...
                String[] c = lines[s + 1].trim().split("\\s+");
                assertEquals(String.valueOf(s), c[0]);
                for (int l = 0; l < 2; l++) {
                    String loss = engine.losses().get(l);
                    ExpectedLoss e = leading ? engine.leading(loss) : engine.exact(loss);
                    assertEquals(String.valueOf(e.coefficient(s).terms().size()), c[4 + l], (leading ? "leading " : "exact ") + loss + " c_" + s);
                }
            }
        }
    }

    @Test
    void exactEnginesAgreeOnWordsAndTermsPerOrder() {
        CliRunner graph = CliRunner.run("bench", "exact", "-S", "4");
        CliRunner memo = CliRunner.run("bench", "exact", "-S", "4", "--memo");
        assertEquals(0, graph.exitCode(), graph.err());
        assertEquals(0, memo.exitCode(), memo.err());
        String[] g = graph.out().strip().split("\\R");
        String[] m = memo.out().strip().split("\\R");
        assertEquals(6, g.length, graph.out());
        assertEquals(g.length, m.length);
        for (int i = 1; i < g.length; i++) {
            // columns s, words train, words pop, states, terms train, terms pop: the words and terms are the engines' common ground
            String[] a = g[i].trim().split("\\s+");
            String[] b = m[i].trim().split("\\s+");
            assertEquals(java.util.List.of(a[0], a[1], a[2], a[4], a[5]), java.util.List.of(b[0], b[1], b[2], b[4], b[5]), "row " + i);
        }
    }

    @Test
    void twoEnginesAtOnceIsOneLineAndExitCode2() {
        CliRunner r = CliRunner.run("bench", "exact", "-S", "2", "--memo", "--leading");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().strip().contains("--leading and --memo"), r.err());
        assertEquals(1, r.err().strip().split("\\R").length);
    }
}
