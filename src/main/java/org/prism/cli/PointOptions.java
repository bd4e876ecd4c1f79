package org.prism.cli;

import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;
import picocli.CommandLine.Option;

/** The parameter point(s) of {@code limit} and {@code compare}: {@code -p} values, and {@code --grid} for several points. */
final class PointOptions {
    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE[,...]",
            description = "Parameter values, exact (2, 1/3, 0.25; repeatable): a face's fixed ratios (d/n=1/2,sigma^2=1/3), or with -r the"
                    + " regime's parameters (g=1/2,y=2).")
    List<String> params;

    @Option(names = "--grid", paramLabel = "NAME=V1:V2[:...]",
            description = "Several parameter points: the values of one parameter, separated by ':' (repeatable; every combination,"
                    + " each with the -p values). Text: a block per point; JSON: {\"points\":[..]}; CSV: the grid's parameters first.")
    List<String> grid;

    /** Whether -p was given. */
    boolean given() {
        return params != null;
    }

    /** Every point, the -p values with each combination of the --grid values ({@link LimitInput#points}). */
    List<Map<String, Rational>> points() {
        return LimitInput.points(params, grid);
    }

    /** The names --grid varies. */
    List<String> gridNames() {
        return LimitInput.gridNames(grid);
    }

    /** The one point of a command that takes no --grid. */
    Map<String, Rational> single(String why) {
        if (grid != null) throw new IllegalArgumentException("--grid " + why);
        return LimitInput.parseParams(params);
    }
}
