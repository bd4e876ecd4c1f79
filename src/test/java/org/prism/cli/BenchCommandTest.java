package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prism.simulation.Backend;

/** {@code prism bench step}: the output format only (no timing is checked). */
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
    }
}
