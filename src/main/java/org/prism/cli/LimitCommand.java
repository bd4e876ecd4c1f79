package org.prism.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prism.algebra.Rational;
import org.prism.autoencoder.LimitCurve;
import org.prism.autoencoder.LimitSeries;
import org.prism.autoencoder.Params;
import org.prism.autoencoder.RegimeLimit;
import org.prism.autoencoder.RegimeLimits;
import org.prism.autoencoder.ResummedFreeLimit;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.ReducedFlow;
import org.prism.report.FaceLimitReport;
import org.prism.report.LimitReport;
import org.prism.report.MultiPoint;
import org.prism.report.ReducedFlowReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "limit",
        mixinStandardHelpOptions = true,
        header = "Limiting loss curve of one regime: a face of any model's polytope, or the tied autoencoder's closed forms.",
        description = {
            "Any model: --face NAME (a label of 'prism regimes': free, F3, 'F1 ∩ F2', a family set '{1, d/n}', or P, every",
            "ratio of the polytope fixed) or --scaling \"d=N, m=N^2\" (the face it selects, along that scaling). The limit is",
            "read off the exact coefficients: the face series f_s (the terms of c_s on the face's level, in the ratios the",
            "face keeps fixed, given with -p, e.g. -p d/n=1/2,sigma^2=1/3), then the closed form they prove (sums of",
            "exponentials, rational functions) or their Pade resummation with its spread and the time up to which the",
            "approximants agree, and Markov-Krein bounds where the series pass the Hankel test of a positive mixture of",
            "decaying exponentials (exact for linear models). Losses: every tracked loss (or -l). JSON: {\"model\",\"face\",",
            "\"params\",\"timeUnit\",\"normalisation\":{loss:..},\"times\":[..],\"losses\":{loss:{\"curve\",\"spread\",",
            "\"bounds\":[[lower,upper],..]|null,\"validUpTo\",\"method\"}},\"closedForm\":{loss:text}|null}. --show-model prints",
            "the face's reduced flow as a model file.",
            "",
            "The tied autoencoder, -r REGIME:",
            "Prints the normalised limiting loss curves (train, pop) of a regime at the requested times,",
            "or with --taylor S their exact Taylor coefficients f_0..f_S (f(t) = sum_s f_s t^s/s!).",
            "Regimes and parameters (g = sigma^2 d, a0 = sigma^2 m, y = m/d, gamma = d/n):",
            "  large-data (g, y)       E L/d, train = pop, time t",
            "  mean-field (a0, gamma)  E L_tr/d, E L_pop/d, time t",
            "  narrow-latent (g, gamma) (E L_tr - d/2)/m, (E L_pop - d/2)/m, time t",
            "  small-data (g, y)       E L_tr/d, (E L_pop - E L_pop(0))/n, time tau = (d/n) t",
            "  free-narrow (g), free-wide (a0)  end laws E L/E L(0) = (1 + 4 g t)^-2, (1 + 4 a0 t)^-2",
            "  free (y, gamma)         E L/E L(0), time tau = sigma^2 d t: no closed form; the exact face series",
            "                          (leading-order engine, --order) resummed by Pade approximants, with their spread",
            "                          and the bounds of every positive mixture of (1 + 4 x tau)^-2 with those",
            "                          coefficients (where an exact Hankel test allows one; see docs/commands.md)",
            "JSON: {\"regime\":R,\"params\":{\"g\":\"1/2\",..},\"normalisation\":N,\"timeUnit\":U,\"times\":[..],",
            "\"train\":[..],\"pop\":[..]} (null where undefined); with --taylor: \"order\":S and exact \"p/q\" strings."})
public final class LimitCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    /** Highest exact Taylor order accepted (the rational recursions stay fast well beyond). */
    static final int MAX_TAYLOR_ORDER = 40;

    @Spec
    CommandSpec spec;

    @Mixin
    DerivationOptions derivation;

    @Option(names = {"-r", "--regime"}, paramLabel = "NAME", description = "The tied autoencoder's regime with a limit formula (see above).")
    String regime;

    @Mixin
    FaceOptions faces;

    @Mixin
    PointOptions point;

    @Option(names = "--times", paramLabel = "T[,T...]", description = "Times to evaluate at, e.g. 0,0.1,0.5 (repeatable).")
    List<String> times;

    @Option(names = "--t-max", paramLabel = "T", description = "Evaluate on an equally spaced grid 0..T (default 2, free: 1, unless --times).")
    Double tMax;

    @Option(names = "--points", paramLabel = "K", defaultValue = "21", description = "Grid points for --t-max (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--taylor", paramLabel = "S", description = "Print the exact Taylor coefficients f_0..f_S instead (S <= " + MAX_TAYLOR_ORDER + ").")
    Integer taylor;

    @Option(names = "--order", paramLabel = "S", description = "The face series' order: c_0..c_S (--face: default the derivation's -S; -r free:"
            + " 2.." + ResummedFreeLimit.MAX_ORDER + ", default " + ResummedFreeLimit.DEFAULT_ORDER + "; 12 takes about 3 minutes and 5 GB of heap,"
            + " and is markedly more accurate when gamma > 0: see docs/commands.md).")
    Integer order;

    @Option(names = "--show-model", description = "With --face: print the face's limiting flow as a model file, the model without every"
            + " loss term whose removal leaves every face series the same to order S (checked exactly, term by term).")
    boolean showModel;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (showModel && !faces.given()) throw new IllegalArgumentException("--show-model needs --face or --scaling");
        if (taylor != null && order != null) {
            throw new IllegalArgumentException("give either --taylor S (the exact series f_0..f_S) or --order S (the order the curves are"
                    + " resummed from), not both");
        }
        if (faces.given()) return showModel ? reducedFlow() : faceLimit();
        if (regime == null) throw new IllegalArgumentException("give --face or --scaling (a face of any model) or --regime (the tied autoencoder's limit formulas)");
        ModelOption.LoadedModel loaded = derivation.loaded();
        loaded.requireTiedAutoencoder("Limit formulas");
        boolean free = ResummedFreeLimit.NAME.equals(regime);
        if (order != null && !free) throw new IllegalArgumentException("--order is for the free regime's resummation only");
        List<Map<String, Rational>> pts = point.points();
        RegimeLimit limit;
        if (free) {
            // --taylor S asks for the face series to S; curves resum the series to --order
            int s = taylor != null ? Math.max(2, taylor) : order == null ? ResummedFreeLimit.DEFAULT_ORDER : order;
            if (taylor != null && (taylor < 0 || taylor > ResummedFreeLimit.MAX_ORDER)) {
                throw new IllegalArgumentException("--taylor for the free regime must be between 0 and " + ResummedFreeLimit.MAX_ORDER + ", got " + taylor);
            }
            ResummedFreeLimit resummed = new ResummedFreeLimit(s);
            for (Map<String, Rational> p : pts) resummed.requireParameters(p); // before the engine runs
            Limits.require(loaded, List.of("train", "pop"), s, true); // order 12 asks for its heap
            try (Progress bar = Progress.start("free face series c_0..c_" + s, 2L * (s + 1), true)) {
                resummed.prepare(() -> bar.stepBy(1));
            }
            limit = resummed;
        } else if (RegimeLimits.names().contains(regime)) {
            limit = RegimeLimits.byName(regime);
        } else {
            throw new IllegalArgumentException("unknown regime '" + regime + "' (known: " + String.join(", ", RegimeLimits.names()) + ", " + ResummedFreeLimit.NAME + ")");
        }
        if (taylor != null) {
            if (times != null || tMax != null) throw new IllegalArgumentException("--taylor takes no times (--times, --t-max)");
            if (taylor < 0 || taylor > MAX_TAYLOR_ORDER) {
                throw new IllegalArgumentException("--taylor must be between 0 and " + MAX_TAYLOR_ORDER + ", got " + taylor);
            }
            for (Map<String, Rational> p : pts) LimitInput.requireExactCost(p, taylor);
            MultiPoint.write(spec.commandLine().getOut(), format.name(), pts, point.gridNames(), (exact, out) -> {
                LimitSeries series = limit.taylor(exact, taylor);
                switch (format) {
                    case text -> LimitReport.seriesText(out, limit, exact, series);
                    case json -> LimitReport.seriesJson(out, limit, exact, series);
                    case csv -> LimitReport.seriesCsv(out, series);
                }
            });
            return 0;
        }
        if (times != null && tMax != null) throw new IllegalArgumentException("give either --times or --t-max, not both");
        double[] ts = times != null ? LimitInput.parseTimes(times) : LimitInput.grid(tMax == null ? (free ? 1 : 2) : tMax, points);
        MultiPoint.write(spec.commandLine().getOut(), format.name(), pts, point.gridNames(), (exact, out) -> {
            if (free) {
                ResummedFreeLimit.Curves c = ((ResummedFreeLimit) limit).curves(exact, ts);
                switch (format) {
                    case text -> LimitReport.resummedText(out, (ResummedFreeLimit) limit, exact, ts, c);
                    case json -> LimitReport.resummedJson(out, (ResummedFreeLimit) limit, exact, ts, c);
                    case csv -> LimitReport.resummedCsv(out, ts, c);
                }
                return;
            }
            LimitCurve curve = limit.curve(LimitInput.toDoubles(exact), ts);
            Params.requireFinite(limit.regime(), ts, curve.train());
            Params.requireFinite(limit.regime(), ts, curve.pop());
            switch (format) {
                case text -> LimitReport.curveText(out, limit, exact, curve);
                case json -> LimitReport.curveJson(out, limit, exact, curve);
                case csv -> LimitReport.curveCsv(out, curve);
            }
        });
        return 0;
    }

    /** The face's reduced model ({@link ReducedFlow}), printed as a model file. */
    private int reducedFlow() {
        if (regime != null) throw new IllegalArgumentException("give either --regime or --face/--scaling, not both");
        if (taylor != null || times != null || tMax != null || point.given()) {
            throw new IllegalArgumentException("--show-model takes no --taylor, --times, --t-max or -p (it prints a model file)");
        }
        if (format != Format.text) throw new IllegalArgumentException("--show-model prints a model file: --format text only");
        ModelOption.LoadedModel loaded = derivation.loaded();
        DerivedPrism d = derivation.derive();
        FaceOptions.Choice choice = faces.choose(d);
        List<String> losses = derivation.faceLosses();
        int s = order != null ? order : d.maxOrder();
        if (s < 1) throw new IllegalArgumentException("the face series needs orders 0..S with S >= 1, got " + s);
        Limits.require(loaded, losses, s, derivation.leading);
        Map<String, IntVector> ratios = new LinkedHashMap<>();
        for (String name : FaceLimit.ratiosNeeded(loaded.engine(), d, choice.direction(), losses, s, derivation.leading)) {
            ratios.put(name, d.space().parseRatio(name));
        }
        String name = ReducedFlow.name(loaded.name(), choice.label());
        ReducedFlow r;
        try (Progress bar = Progress.start("terms tried on face " + choice.label(), ReducedFlow.candidates(loaded.source(), losses), true)) {
            r = ReducedFlow.of(loaded.source(), d, choice.direction(), name, losses, ratios, s, derivation.leading, () -> bar.stepBy(1));
        }
        ReducedFlowReport.write(spec.commandLine().getOut(), loaded.name(), choice.label(), r, derivation.leading ? "leading" : "exact");
        return 0;
    }

    /** The limit of a face of any model: its face series, closed form or resummation. */
    private int faceLimit() throws Exception {
        if (regime != null) throw new IllegalArgumentException("give either --regime or --face/--scaling, not both");
        ModelOption.LoadedModel loaded = derivation.loaded();
        DerivedPrism d = derivation.derive();
        FaceOptions.Choice choice = faces.choose(d);
        List<String> losses = derivation.faceLosses();
        int s = taylor != null ? taylor : order != null ? order : d.maxOrder();
        if (taylor == null && times != null && tMax != null) throw new IllegalArgumentException("give either --times or --t-max, not both");
        if (taylor != null && (times != null || tMax != null)) throw new IllegalArgumentException("--taylor takes no times (--times, --t-max)");
        double[] ts = taylor != null ? null : times != null ? LimitInput.parseTimes(times) : LimitInput.grid(tMax == null ? 1 : tMax, points);
        List<Map<String, Rational>> pts = point.points();
        FaceLimit first = faces.limit(loaded, d, choice, losses, pts.get(0), s, derivation.leading);
        MultiPoint.write(spec.commandLine().getOut(), format.name(), pts, point.gridNames(), (values, out) -> {
            // the face series are computed once; every point evaluates them (with --fixed-ratios' values where -p is silent)
            FaceLimit limit = first.with(values);
            if (taylor != null) {
                switch (format) {
                    case text -> FaceLimitReport.seriesText(out, loaded.name(), d, limit);
                    case json -> FaceLimitReport.seriesJson(out, loaded.name(), d, limit, s);
                    case csv -> FaceLimitReport.seriesCsv(out, limit);
                }
                return;
            }
            var curves = limit.curves(ts);
            for (var c : curves.values()) Params.requireFinite(limit.label(), ts, c.value());
            switch (format) {
                case text -> FaceLimitReport.text(out, loaded.name(), d, limit, curves, s);
                case json -> FaceLimitReport.json(out, loaded.name(), d, limit, curves, s);
                case csv -> FaceLimitReport.csv(out, curves);
            }
        });
        return 0;
    }
}
