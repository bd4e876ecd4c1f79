/**
 * The run store: finished simulation runs and exact coefficients kept in an embedded SQLite file
 * ({@code RunStore}), read back instead of computed again (through {@code RunCache} for the simulators and
 * {@code StoredEngine} for the coefficients), listed, exported and pruned ({@code StoreContents}).
 */
package org.prism.store;
