package org.prism.simulation;

/**
 * Mean and standard error over runs of {@code L(t) - L(0)} (each run's loss at its second and first
 * recording): paired, so the spread of {@code L(0)} over initialisations cancels. For Monte Carlo
 * checks of the exact series.
 */
record PairedIncrement(double mean, double se) {
    static PairedIncrement of(double[][] runs) {
        double sum = 0;
        double sumSq = 0;
        for (double[] run : runs) {
            double inc = run[1] - run[0];
            sum += inc;
            sumSq += inc * inc;
        }
        int n = runs.length;
        double mean = sum / n;
        return new PairedIncrement(mean, Math.sqrt((sumSq / n - mean * mean) / (n - 1)));
    }
}
