package org.prism.model.lang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;

/**
 * Evaluates one expression of a model file (a loss, or the mean or variance of a law) to its
 * {@link Expansion}.
 *
 * <p>Names: a size or symbol is a scalar; a matrix name is the matrix (its entry $W_{rc}$ with
 * fresh row and column variables); {@code I}, when no tensor has that name, is the identity
 * $\delta_{rc}$ of a size inferred from context. {@code W[k, i]} is one entry, each index bound by
 * an enclosing {@code sum(...)}. In a law ({@link #forLaw}) an unknown name declares a symbol.
 * Errors are thrown as {@link ModelFileException}s at the innermost expression that raised them.
 */
final class ExpressionEvaluator extends ModelBaseVisitor<Expansion> {
    /** Integer powers are capped: a larger one is a typo, and would expand to too many terms anyway. */
    static final int MAX_POWER = 16;

    private record Binding(String variable, Position at) {}

    private final String source;
    private final Declarations declarations;
    private final IndexVariables vars;
    private final ExpansionAlgebra algebra;
    /** In a law: the tensor being declared (its own law cannot mention it); null in a loss. */
    private final String lawOf;
    private final Map<String, Binding> bound = new HashMap<>();

    private ExpressionEvaluator(String source, Declarations declarations, IndexVariables vars, String lawOf) {
        this.source = source;
        this.declarations = declarations;
        this.vars = vars;
        this.algebra = new ExpansionAlgebra(vars);
        this.lawOf = lawOf;
    }

    static ExpressionEvaluator forLoss(String source, Declarations declarations, IndexVariables vars) {
        return new ExpressionEvaluator(source, declarations, vars, null);
    }

    static ExpressionEvaluator forLaw(String source, Declarations declarations, String tensor) {
        return new ExpressionEvaluator(source, declarations, new IndexVariables(), tensor);
    }

    String shape(Expansion e) {
        return algebra.shape(e);
    }

    @Override
    public Expansion visitExpr(ModelParser.ExprContext ctx) {
        return at(ctx, () -> {
            Expansion acc = visit(ctx.products.get(0));
            if (ctx.lead != null && ctx.lead.getType() == ModelParser.MINUS) acc = ExpansionAlgebra.scale(acc, Polynomial.constant(Rational.MINUS_ONE));
            for (int i = 0; i < ctx.ops.size(); i++) {
                Token op = ctx.ops.get(i);
                Expansion next = visit(ctx.products.get(i + 1));
                Expansion signed = op.getType() == ModelParser.MINUS ? ExpansionAlgebra.scale(next, Polynomial.constant(Rational.MINUS_ONE)) : next;
                Expansion left = acc;
                acc = at(Position.of(op), () -> algebra.add(left, signed));
            }
            return acc;
        });
    }

    @Override
    public Expansion visitProduct(ModelParser.ProductContext ctx) {
        return at(ctx, () -> {
            Expansion acc = visit(ctx.items.get(0));
            for (int i = 0; i < ctx.ops.size(); i++) {
                ModelParser.ProductOpContext op = ctx.ops.get(i);
                ModelParser.ItemContext item = ctx.items.get(i + 1);
                Expansion left = acc;
                if (op.SLASH() != null) {
                    if (i + 1 < ctx.ops.size() && isJuxtaposition(ctx.ops.get(i + 1))) {
                        throw new Problem(Position.of(ctx.items.get(i + 2)), ModelError.AMBIGUOUS_DIVISION);
                    }
                    Expansion divisor = visit(item);
                    acc = at(op, () -> algebra.divide(left, divisor, text(item)));
                } else {
                    Expansion right = visit(item);
                    acc = at(isJuxtaposition(op) ? Position.of(item) : Position.of(op), () -> algebra.multiply(left, right));
                }
            }
            return acc;
        });
    }

    private static boolean isJuxtaposition(ModelParser.ProductOpContext op) {
        return op.STAR() == null && op.SLASH() == null;
    }

    @Override
    public Expansion visitItem(ModelParser.ItemContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public Expansion visitSummation(ModelParser.SummationContext ctx) {
        return at(ctx, () -> {
            List<String> names = new ArrayList<>();
            List<String> variables = new ArrayList<>();
            try {
                for (ModelParser.BinderContext b : ctx.binder()) {
                    String name = b.ID(0).getText();
                    Position p = Position.of(b);
                    Binding previous = bound.get(name);
                    if (previous != null) throw new Problem(p, ModelError.REBOUND_INDEX, name, previous.at());
                    String v = vars.fresh(name, "index " + name + " of the sum at " + p + ": write sum(" + name + " : SIZE) or use " + name + " in a tensor slot", p);
                    if (b.size != null) {
                        String size = at(Position.of(b.size), () -> declarations.requireSize(b.size.getText()));
                        vars.fix(v, size, "sum(" + name + " : " + size + ") at " + p);
                    }
                    bound.put(name, new Binding(v, p));
                    names.add(name);
                    variables.add(v);
                }
                return ExpansionAlgebra.bind(visit(ctx.product()), variables);
            } finally {
                names.forEach(bound::remove);
            }
        });
    }

    @Override
    public Expansion visitFactor(ModelParser.FactorContext ctx) {
        return at(ctx, () -> {
            Expansion value = visit(ctx.primary());
            List<ModelParser.PowerContext> powers = ctx.power();
            int first = 0;
            if (ctx.primary() instanceof ModelParser.NormContext) {
                // visitNorm gives ||A||^2; ||A||^(2j) is its j-th power
                Integer k = powers.isEmpty() ? null : integerPower(powers.get(0));
                if (k == null || k <= 0 || k % 2 != 0) throw new Problem(ModelError.NORM_NOT_SQUARED);
                Expansion squared = value;
                value = at(powers.get(0), () -> algebra.power(squared, k / 2));
                first = 1;
            }
            for (int i = first; i < powers.size(); i++) {
                ModelParser.PowerContext p = powers.get(i);
                Integer k = integerPower(p);
                Expansion base = value;
                value = at(p, () -> k == null ? ExpansionAlgebra.transpose(base) : algebra.power(base, k));
            }
            return value;
        });
    }

    /** The integer of {@code ^k}, or null for the transpose {@code ^T}. */
    private Integer integerPower(ModelParser.PowerContext p) {
        return at(p, () -> {
            if (p.ID() != null) {
                if (!p.ID().getText().equals("T")) {
                    throw new Problem(ModelError.BAD_POWER, "after ^ comes T (transpose) or an integer, not '" + p.ID().getText() + "'");
                }
                return null;
            }
            BigInteger k = new BigInteger(p.INT().getText());
            if (k.compareTo(BigInteger.valueOf(MAX_POWER)) > 0) {
                throw new Problem(ModelError.BAD_POWER, "the exponent " + (p.MINUS() != null ? "-" : "") + k + " is too large (at most " + MAX_POWER + " in absolute value)");
            }
            return p.MINUS() != null ? -k.intValue() : k.intValue();
        });
    }

    @Override
    public Expansion visitNumber(ModelParser.NumberContext ctx) {
        BigDecimal x = new BigDecimal(ctx.getText());
        Rational r = x.scale() <= 0 ? Rational.of(x.toBigIntegerExact())
                : Rational.of(x.unscaledValue(), BigInteger.TEN.pow(x.scale()));
        return ExpansionAlgebra.constant(Polynomial.constant(r));
    }

    @Override
    public Expansion visitEntry(ModelParser.EntryContext ctx) {
        return at(ctx, () -> {
            String name = ctx.ID().getText();
            Declarations.Declared d = declarations.lookup(name).orElseThrow(() -> unknown(name));
            if (d.kind() != Declarations.Kind.TENSOR) throw new Problem(ModelError.NOT_A_TENSOR, name, d.kind().word);
            if (lawOf != null) throw new Problem(ModelError.TENSOR_IN_LAW, name);
            Tensor t = d.tensor();
            List<TerminalNode> indices = ctx.names().ID();
            if (indices.size() != t.order()) throw new Problem(ModelError.ARITY, name, t.order(), indices.size());
            List<String> variables = new ArrayList<>();
            for (int k = 0; k < indices.size(); k++) {
                String v = variable(indices.get(k));
                String size = t.shape().get(k);
                at(indices.get(k).getSymbol(), () -> {
                    vars.fix(v, size, text(ctx) + " at " + Position.of(ctx));
                    return null;
                });
                variables.add(v);
            }
            return Expansion.scalar(List.of(OpenTerm.factor(new TensorFactor.Entry(name, variables))));
        });
    }

    @Override
    public Expansion visitDelta(ModelParser.DeltaContext ctx) {
        return at(ctx, () -> {
            List<TerminalNode> indices = ctx.names().ID();
            if (indices.size() < 2) throw new Problem(ModelError.DELTA_ARITY, indices.size());
            List<String> variables = new ArrayList<>();
            for (TerminalNode i : indices) variables.add(variable(i));
            for (String v : variables.subList(1, variables.size())) vars.unify(variables.get(0), v, text(ctx) + " at " + Position.of(ctx));
            return Expansion.scalar(List.of(OpenTerm.factor(new TensorFactor.Delta(variables))));
        });
    }

    /** The variable an index name stands for, bound by an enclosing sum. */
    private String variable(TerminalNode index) {
        Binding b = bound.get(index.getText());
        if (b == null) throw new Problem(Position.of(index.getSymbol()), ModelError.UNBOUND_INDEX, index.getText(), index.getText());
        return b.variable();
    }

    @Override
    public Expansion visitName(ModelParser.NameContext ctx) {
        return at(ctx, () -> {
            String name = ctx.getText();
            Position p = Position.of(ctx);
            var declared = declarations.lookup(name);
            if (declared.isEmpty()) {
                if (lawOf != null) {
                    if (name.equals(lawOf)) throw new Problem(ModelError.TENSOR_IN_LAW, name);
                    declarations.declareSymbol(name, p);
                    return ExpansionAlgebra.constant(Polynomial.symbol(name));
                }
                if (name.equals(Declarations.IDENTITY)) return identity(p);
                throw unknown(name);
            }
            Declarations.Declared d = declared.get();
            if (d.kind() != Declarations.Kind.TENSOR) return ExpansionAlgebra.constant(Polynomial.symbol(name));
            if (lawOf != null) throw new Problem(ModelError.TENSOR_IN_LAW, name);
            Tensor t = d.tensor();
            if (t.order() != 2) throw new Problem(ModelError.TENSOR_NEEDS_INDICES, name, t.order(), name);
            String row = vars.fresh("the rows of " + name, "the rows of " + name, p);
            String col = vars.fresh("the columns of " + name, "the columns of " + name, p);
            vars.fix(row, t.shape().get(0), name + " at " + p);
            vars.fix(col, t.shape().get(1), name + " at " + p);
            return new Expansion(List.of(OpenTerm.factor(new TensorFactor.Entry(name, List.of(row, col)))), row, col);
        });
    }

    /** $\delta_{rc}$ with row and column in one size class, to be inferred. */
    private Expansion identity(Position p) {
        String row = vars.fresh("the identity I", "the identity I at " + p + ": add or multiply it with a matrix of known shape", p);
        String col = vars.copy(row);
        return new Expansion(List.of(OpenTerm.factor(new TensorFactor.Delta(List.of(row, col)))), row, col);
    }

    private Problem unknown(String name) {
        if (bound.containsKey(name)) return new Problem(ModelError.INDEX_AS_VALUE, name, name);
        return new Problem(ModelError.UNKNOWN_NAME, name);
    }

    @Override
    public Expansion visitParenthesized(ModelParser.ParenthesizedContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Expansion visitNorm(ModelParser.NormContext ctx) {
        return at(ctx, () -> algebra.frobeniusSquared(visit(ctx.expr())));
    }

    @Override
    public Expansion visitTrace(ModelParser.TraceContext ctx) {
        return at(ctx, () -> algebra.trace(visit(ctx.expr())));
    }

    /** The source text of {@code ctx}, spaces as written. */
    static String text(ParserRuleContext ctx) {
        if (ctx.getStop() == null || ctx.getStop().getStopIndex() < ctx.getStart().getStartIndex()) return ctx.getText();
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    private <T> T at(ParserRuleContext ctx, Supplier<T> body) {
        return at(Position.of(ctx), body);
    }

    private <T> T at(Token token, Supplier<T> body) {
        return at(Position.of(token), body);
    }

    /** Runs {@code body}, turning a {@link Problem} into a model-file error at {@code where}. */
    private <T> T at(Position where, Supplier<T> body) {
        try {
            return body.get();
        } catch (Problem p) {
            throw p.in(source, where);
        }
    }
}
