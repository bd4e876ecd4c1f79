package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The time limit's decision before an order, on made-up rows (no timing involved). */
class ExactBenchmarkTest {
    private static ExactBenchmark.Row row(int s, double seconds, double cumulative) {
        return new ExactBenchmark.Row(s, List.of(), 0, List.of(), seconds, cumulative, 0);
    }

    @Test
    void anOrderPredictedPastTheLimitIsNotStarted() {
        ExactBenchmark.TimeLimit limit = new ExactBenchmark.TimeLimit(60, s -> null);
        // order 5 took 4 s after 1 s: x4, so order 6 would end at 10 + 16 = 26 s: started
        assertNull(limit.before(6, List.of(row(4, 1, 6), row(5, 4, 10))));
        // order 6 took 16 s after 4: x4, so order 7 would end at 26 + 64 = 90 s: not started
        assertEquals("order 7 not started: predicted to end at about 90 s (order 6 took 16.0 s, x4.0 over order 5), past the time limit of 60 s",
                limit.before(7, List.of(row(5, 4, 10), row(6, 16, 26))));
        // orders under a second grow erratically: no prediction from them
        assertNull(limit.before(3, List.of(row(1, 0.01, 0.02), row(2, 0.9, 59))));
        // a refusal comes first, with its reason
        assertEquals("order 2 refused: too big", new ExactBenchmark.TimeLimit(60, s -> s >= 2 ? "too big" : null).before(2, List.of()));
    }
}
