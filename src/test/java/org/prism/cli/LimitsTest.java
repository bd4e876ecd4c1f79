package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LimitsTest {

    /** Prints what the heap checks compare with, then what {@link Runtime#maxMemory()} says. */
    static final class HeapProbe {
        public static void main(String[] args) {
            System.out.println(Limits.heap() + " " + Runtime.getRuntime().maxMemory());
        }
    }

    @Test
    void heapChecksCompareWithXmxUnderTheParallelCollector() throws Exception {
        // the launcher's collector: Runtime.maxMemory() leaves out a survivor space, so an estimate of
        // "about 8 GiB" was refused in an 8 GiB heap; the checks must see the -Xmx given, here 1 GiB
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseParallelGC", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end");
        assertEquals(0, p.exitValue(), out);
        String[] heap = out.split(" ");
        assertEquals(1L << 30, Long.parseLong(heap[0]), out);
        assertTrue(Long.parseLong(heap[1]) < 1L << 30, "maxMemory() is the whole heap here, so this test shows nothing: " + out);
    }
}
