package org.prism.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.prism.algebra.Polynomial;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.ModelEngine;
import org.prism.model.MatrixModel;

/**
 * A model's engine whose coefficients go through a {@link RunStore}: {@code c_s} (and its pairing counts) is read
 * from the store when it is there, else computed by the engine and kept. The key is the model's content hash, the
 * engine (exact or leading), the loss and {@code s}; coefficients are exact, so a stored one is the computed one.
 */
public final class StoredEngine implements ModelEngine {
    private final ModelEngine engine;
    private final String modelHash;
    private final RunStore store;
    private final Map<String, ExpectedLoss> exact = new ConcurrentHashMap<>();
    private final Map<String, ExpectedLoss> leading = new ConcurrentHashMap<>();

    /** {@code engine}, with its coefficients kept in {@code store} under {@code modelHash} (the model's content hash). */
    public StoredEngine(ModelEngine engine, String modelHash, RunStore store) {
        this.engine = engine;
        this.modelHash = modelHash;
        this.store = store;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public List<String> symbols() {
        return engine.symbols();
    }

    @Override
    public List<String> moments() {
        return engine.moments();
    }

    @Override
    public String momentSize() {
        return engine.momentSize();
    }

    @Override
    public List<String> sizes() {
        return engine.sizes();
    }

    @Override
    public List<String> losses() {
        return engine.losses();
    }

    @Override
    public ExpectedLoss exact(String loss) {
        ExpectedLoss inner = engine.exact(loss); // checks the loss
        return exact.computeIfAbsent(loss, l -> new Stored(inner, "exact", l));
    }

    @Override
    public ExpectedLoss leading(String loss) {
        ExpectedLoss inner = engine.leading(loss); // says why a model has none
        return leading.computeIfAbsent(loss, l -> new Stored(inner, "leading", l));
    }

    @Override
    public Optional<MatrixModel> matrixModel() {
        return engine.matrixModel();
    }

    /** One loss's coefficients through the store. */
    private final class Stored implements ExpectedLoss {
        private final ExpectedLoss inner;
        private final String kind;
        private final String loss;

        Stored(ExpectedLoss inner, String kind, String loss) {
            this.inner = inner;
            this.kind = kind;
            this.loss = loss;
        }

        /** Stored coefficients already read, so that {@link #terms} and {@link #coefficient} read each once. */
        private final Map<Integer, Polynomial> read = new ConcurrentHashMap<>();

        /** One unit of progress for a stored coefficient (listing the terms of a high order is itself work). */
        @Override
        public int terms(int s) {
            return stored(s) != null ? 1 : inner.terms(s);
        }

        @Override
        public Polynomial coefficient(int s, Runnable termDone) {
            Polynomial p = stored(s);
            if (p != null) {
                if (termDone != null) termDone.run();
                return p;
            }
            return through("c", s, () -> inner.coefficient(s, termDone));
        }

        private Polynomial stored(int s) {
            Polynomial p = read.get(s);
            if (p == null) {
                p = store.coefficient(modelHash, kind, loss, "c", s);
                if (p != null) read.put(s, p);
            }
            return p;
        }

        @Override
        public Polynomial pairingCounts(int s) {
            return through("pairing-counts", s, () -> inner.pairingCounts(s));
        }

        @Override
        public int states() {
            return inner.states();
        }

        private Polynomial through(String quantity, int s, Supplier<Polynomial> compute) {
            Polynomial p = store.coefficient(modelHash, kind, loss, quantity, s);
            if (p != null) return p;
            long start = System.nanoTime();
            p = compute.get();
            store.putCoefficient(modelHash, engine.name(), kind, loss, quantity, s, p, (System.nanoTime() - start) / 1e9);
            return p;
        }
    }
}
