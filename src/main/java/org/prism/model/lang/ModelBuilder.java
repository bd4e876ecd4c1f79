package org.prism.model.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.Tensor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * Reads the statements of a parsed model file in order and assembles the {@link ModelFile}:
 * declarations first come, first served (a name is declared before it is used); the flow and the
 * tracked losses are checked once every loss is known, so they may stand anywhere.
 */
final class ModelBuilder {
    private final String source;
    private final String defaultName;
    private final Declarations declarations = new Declarations();
    private final Map<String, List<TensorTerm>> losses = new LinkedHashMap<>();
    private final Map<String, Position> lossAt = new LinkedHashMap<>();
    private final Map<String, Position> tracked = new LinkedHashMap<>();
    private Token flow;

    ModelBuilder(String source, String defaultName) {
        this.source = source;
        this.defaultName = defaultName;
    }

    ModelFile build(ModelParser.FileContext file) {
        for (ModelParser.StatementContext s : file.statement()) {
            try {
                statement(s);
            } catch (Problem p) {
                throw p.in(source, Position.of(s));
            } catch (ModelFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Problem(ModelError.INTERNAL, e.toString()).in(source, Position.of(s));
            }
        }
        Position end = Position.of(file.EOF().getSymbol());
        if (flow == null) throw new Problem(ModelError.NO_FLOW, losses.isEmpty() ? "LOSS" : losses.keySet().iterator().next()).in(source, end);
        requireLoss(flow);
        tracked.forEach((loss, at) -> {
            if (!losses.containsKey(loss)) throw new Problem(ModelError.UNKNOWN_LOSS, loss, String.join(", ", losses.keySet())).in(source, at);
        });
        String name = file.header() == null ? defaultName : file.header().modelName().getText();
        TensorModel model = new TensorModel(name, declarations.sizes(), declarations.tensors(), losses, flow.getText());
        return new ModelFile(model, tracked.isEmpty() ? List.copyOf(losses.keySet()) : List.copyOf(tracked.keySet()));
    }

    private void statement(ModelParser.StatementContext s) {
        if (s instanceof ModelParser.SizeDeclarationContext c) {
            for (TerminalNode n : c.names().ID()) run(n, () -> declarations.declareSize(n.getText(), Position.of(n.getSymbol())));
        } else if (s instanceof ModelParser.SymbolDeclarationContext c) {
            for (TerminalNode n : c.names().ID()) run(n, () -> declarations.declareSymbol(n.getText(), Position.of(n.getSymbol())));
        } else if (s instanceof ModelParser.CovarianceDeclarationContext c) {
            covariance(c);
        } else if (s instanceof ModelParser.TensorDeclarationContext c) {
            tensor(c);
        } else if (s instanceof ModelParser.LossDeclarationContext c) {
            loss(c);
        } else if (s instanceof ModelParser.FlowDeclarationContext c) {
            if (flow != null) throw new Problem(Position.of(c.ID().getSymbol()), ModelError.DUPLICATE, "flow", c.ID().getText(), Position.of(flow));
            flow = c.ID().getSymbol();
        } else if (s instanceof ModelParser.TrackDeclarationContext c) {
            for (TerminalNode n : c.names().ID()) {
                Position first = tracked.putIfAbsent(n.getText(), Position.of(n.getSymbol()));
                if (first != null) throw new Problem(Position.of(n.getSymbol()), ModelError.DUPLICATE, "tracked loss", n.getText(), first);
            }
        } else {
            throw new IllegalStateException("statement not handled: " + s.getClass().getSimpleName());
        }
    }

    private void covariance(ModelParser.CovarianceDeclarationContext c) {
        String name = c.ID(0).getText();
        run(c.ID(0), () -> declarations.requireFree(name, Declarations.Kind.TENSOR));
        for (Tensor t : declarations.tensors()) {
            if (!t.random()) throw new Problem(Position.of(c.ID(0).getSymbol()), ModelError.SECOND_COVARIANCE, name, t.name());
        }
        String size = at(c.ID(1), () -> declarations.requireSize(c.ID(1).getText()));
        declarations.declareTensor(Tensor.covariance(name, size), Position.of(c.ID(0).getSymbol()));
    }

    private void tensor(ModelParser.TensorDeclarationContext c) {
        String name = c.ID().getText();
        run(c.ID(), () -> declarations.requireFree(name, Declarations.Kind.TENSOR));
        List<String> shape = new ArrayList<>();
        for (TerminalNode n : c.names().ID()) shape.add(at(n, () -> declarations.requireSize(n.getText())));
        ModelParser.LawContext law = c.law();
        Polynomial mean = constant(law.mean, name, ModelError.NOT_CENTRED);
        if (!mean.isZero()) throw new Problem(Position.of(law.mean), ModelError.NOT_CENTRED, ExpressionEvaluator.text(law.mean));
        Tensor.Role role = c.role.getType() == ModelParser.PARAM ? Tensor.Role.PARAMETER : Tensor.Role.DATA;
        Optional<Tensor> covariance = declarations.lookup(law.variance.getText()).map(Declarations.Declared::tensor).filter(t -> t != null && !t.random());
        if (covariance.isPresent()) {
            String size = covariance.get().shape().get(0);
            if (role != Tensor.Role.DATA) throw new Problem(Position.of(law.variance), ModelError.COVARIANCE_NOT_DATA, name, covariance.get().name());
            if (shape.stream().filter(size::equals).count() != 1) {
                throw new Problem(Position.of(law.variance), ModelError.COVARIANCE_SLOT, covariance.get().name(), size, name, String.join(", ", shape));
            }
            declarations.declareTensor(new Tensor(name, shape, role, Monomial.ONE, covariance.get().name()), Position.of(c.ID().getSymbol()));
            return;
        }
        Polynomial variance = constant(law.variance, name, ModelError.VARIANCE);
        if (variance.terms().size() != 1 || !variance.terms().values().iterator().next().equals(Rational.ONE)) {
            throw new Problem(Position.of(law.variance), ModelError.VARIANCE, ExpressionEvaluator.text(law.variance));
        }
        Monomial v = variance.terms().firstKey();
        declarations.declareTensor(new Tensor(name, shape, role, v), Position.of(c.ID().getSymbol()));
    }

    /** The value of a law's argument (mean or variance of {@code tensor}), or {@code otherwise} if it has sums or matrices. */
    private Polynomial constant(ModelParser.ExprContext e, String tensor, ModelError otherwise) {
        Expansion x = ExpressionEvaluator.forLaw(source, declarations, tensor).visit(e);
        return ExpansionAlgebra.constantValue(x).orElseThrow(() -> new Problem(Position.of(e), otherwise, ExpressionEvaluator.text(e)));
    }

    private void loss(ModelParser.LossDeclarationContext c) {
        String name = c.ID().getText();
        Position at = Position.of(c.ID().getSymbol());
        Position first = lossAt.get(name);
        if (first != null) throw new Problem(at, ModelError.DUPLICATE, "loss", name, first);
        IndexVariables vars = new IndexVariables();
        ExpressionEvaluator evaluator = ExpressionEvaluator.forLoss(source, declarations, vars);
        Expansion value = evaluator.visit(c.expr());
        if (value.isMatrix()) throw new Problem(at, ModelError.LOSS_NOT_SCALAR, name, evaluator.shape(value));
        losses.put(name, ClosedTerms.of(value, vars));
        lossAt.put(name, at);
    }

    private void requireLoss(Token name) {
        if (!losses.containsKey(name.getText())) {
            throw new Problem(ModelError.UNKNOWN_LOSS, name.getText(), String.join(", ", losses.keySet())).in(source, Position.of(name));
        }
    }

    private void run(TerminalNode n, Runnable body) {
        at(n, () -> {
            body.run();
            return null;
        });
    }

    private <T> T at(TerminalNode n, Supplier<T> body) {
        try {
            return body.get();
        } catch (Problem p) {
            throw p.in(source, Position.of(n.getSymbol()));
        }
    }
}
