/**
 * Apache Spark as a {@code RunExecutor}: a simulation's runs as Spark tasks, for sweeps that outgrow one machine.
 * Spark itself is provided by {@code spark-submit}; nothing here is loaded unless {@code --spark} is given.
 */
package org.prism.spark;
