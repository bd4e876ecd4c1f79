package org.prism.simulation;

/**
 * Loss curves of a simulation on its time grid. Arrays belong to the result (not copied): do not
 * modify them. Every value is finite (a run that produces a non-finite loss throws
 * {@link DivergenceException} instead).
 *
 * @param params what was run (dt as actually used)
 * @param plan route, cost and memory used
 * @param times recording times {@code step * dt}, increasing, starting at 0 unless recordTimes say otherwise
 * @param trainMean per time, mean over seeds of {@code L_tr}
 * @param trainSe per time, standard error of that mean ({@code sd / sqrt(seeds)}, sample sd); 0 for one seed
 * @param popMean per time, mean over seeds of {@code L_pop}
 * @param popSe per time, standard error of that mean; 0 for one seed
 * @param trainPerSeed {@code [seed index][time]}: {@code L_tr} of each run
 * @param popPerSeed {@code [seed index][time]}: {@code L_pop} of each run
 */
public record SimulationResult(SimulationParams params, SimulationPlan plan, double[] times,
        double[] trainMean, double[] trainSe, double[] popMean, double[] popSe,
        double[][] trainPerSeed, double[][] popPerSeed) {
}
