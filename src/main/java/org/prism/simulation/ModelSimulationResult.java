package org.prism.simulation;

import java.util.List;

/**
 * Loss curves of a {@link ModelSimulator} run. Arrays belong to the result (not copied): do not
 * modify them. Every value is finite.
 *
 * @param params what was run
 * @param model the model's name
 * @param losses the model's losses, in file order; index {@code k} below
 * @param times recording times {@code step * dt}
 * @param mean {@code [k][time]}: mean over seeds of loss {@code k}
 * @param se {@code [k][time]}: standard error of that mean (sample sd over {@code sqrt(seeds)}); 0 for one seed
 * @param perSeed {@code [k][seed][time]}: loss {@code k} of each run
 * @param multiplyAddsPerStep matrix multiply-adds per step of one run (the integrator's evaluations included)
 * @param threads worker threads used
 * @param backend what ran the products, e.g. {@code matrix products, OpenBLAS dgemm} or {@code tensor contractions, Java loops}
 * @param reused runs read from the run store rather than computed
 * @param runSeconds the seconds of all runs added up, each as long as it took where it was computed (a run read from
 *        the store counts its first computation): the same however many of them the store held
 */
public record ModelSimulationResult(ModelSimulationParams params, String model, List<String> losses, double[] times,
        double[][] mean, double[][] se, double[][][] perSeed, double multiplyAddsPerStep, int threads, String backend,
        int reused, double runSeconds) {
}
