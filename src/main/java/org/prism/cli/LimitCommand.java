package org.prism.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prism.algebra.Rational;
import org.prism.regime.ResummedFreeLimit;
import org.prism.regime.limit.LimitCurve;
import org.prism.regime.limit.LimitInput;
import org.prism.regime.limit.LimitSeries;
import org.prism.regime.limit.RegimeLimit;
import org.prism.regime.limit.RegimeLimits;
import org.prism.report.LimitReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "limit",
        mixinStandardHelpOptions = true,
        header = "Limiting loss curve of one regime (a face of the prism).",
        description = {
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
            "                          coefficients (where an exact Hankel test allows one; see README)",
            "JSON: {\"regime\":R,\"params\":{\"g\":\"1/2\",..},\"normalisation\":N,\"timeUnit\":U,\"times\":[..],",
            "\"train\":[..],\"pop\":[..]} (null where undefined); with --taylor: \"order\":S and exact \"p/q\" strings."})
public final class LimitCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    /** Highest exact Taylor order accepted (the rational recursions stay fast well beyond). */
    static final int MAX_TAYLOR_ORDER = 40;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-r", "--regime"}, required = true, paramLabel = "NAME", description = "Regime name (see above).")
    String regime;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE[,...]",
            description = "Parameters, e.g. g=1/2,y=2 (repeatable; values exact: 2, 1/3, 0.25).")
    List<String> params;

    @Option(names = "--times", paramLabel = "T[,T...]", description = "Times to evaluate at, e.g. 0,0.1,0.5 (repeatable).")
    List<String> times;

    @Option(names = "--t-max", paramLabel = "T", description = "Evaluate on an equally spaced grid 0..T (default 2, free: 1, unless --times).")
    Double tMax;

    @Option(names = "--points", paramLabel = "K", defaultValue = "21", description = "Grid points for --t-max (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--taylor", paramLabel = "S", description = "Print the exact Taylor coefficients f_0..f_S instead (S <= " + MAX_TAYLOR_ORDER + ").")
    Integer taylor;

    @Option(names = "--order", paramLabel = "S", description = "free only: resum the face series c_0..c_S (2.." + ResummedFreeLimit.MAX_ORDER
            + ", default: " + ResummedFreeLimit.DEFAULT_ORDER + "; 12 takes about 3 minutes and 5 GB of heap, and is markedly more accurate"
            + " when gamma > 0: see README).")
    Integer order;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        ModelOption.LoadedModel loaded = modelOption.load();
        loaded.requireTiedAutoencoder("Limit formulas");
        boolean free = ResummedFreeLimit.NAME.equals(regime);
        if (order != null && !free) throw new IllegalArgumentException("--order is for the free regime's resummation only");
        Map<String, Rational> exact = LimitInput.parseParams(params);
        RegimeLimit limit;
        if (free) {
            // --taylor S asks for the face series to S; curves resum the series to --order
            int s = taylor != null ? Math.max(2, taylor) : order == null ? ResummedFreeLimit.DEFAULT_ORDER : order;
            if (taylor != null && (taylor < 0 || taylor > ResummedFreeLimit.MAX_ORDER)) {
                throw new IllegalArgumentException("--taylor for the free regime must be between 0 and " + ResummedFreeLimit.MAX_ORDER + ", got " + taylor);
            }
            ResummedFreeLimit resummed = new ResummedFreeLimit(s);
            resummed.requireParameters(exact); // before the engine runs
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
        PrintWriter out = spec.commandLine().getOut();
        if (taylor != null) {
            if (times != null || tMax != null) throw new IllegalArgumentException("--taylor takes no times (--times, --t-max)");
            if (taylor < 0 || taylor > MAX_TAYLOR_ORDER) {
                throw new IllegalArgumentException("--taylor must be between 0 and " + MAX_TAYLOR_ORDER + ", got " + taylor);
            }
            LimitSeries series = limit.taylor(exact, taylor);
            switch (format) {
                case text -> LimitReport.seriesText(out, limit, exact, series);
                case json -> LimitReport.seriesJson(out, limit, exact, series);
                case csv -> LimitReport.seriesCsv(out, series);
            }
            return 0;
        }
        if (times != null && tMax != null) throw new IllegalArgumentException("give either --times or --t-max, not both");
        double[] ts = times != null ? LimitInput.parseTimes(times) : LimitInput.grid(tMax == null ? (free ? 1 : 2) : tMax, points);
        if (free) {
            ResummedFreeLimit.Curves c = ((ResummedFreeLimit) limit).curves(exact, ts);
            switch (format) {
                case text -> LimitReport.resummedText(out, (ResummedFreeLimit) limit, exact, ts, c);
                case json -> LimitReport.resummedJson(out, (ResummedFreeLimit) limit, exact, ts, c);
                case csv -> LimitReport.resummedCsv(out, ts, c);
            }
            return 0;
        }
        LimitCurve curve = limit.curve(LimitInput.toDoubles(exact), ts);
        org.prism.regime.limit.Params.requireFinite(limit.regime(), ts, curve.train());
        org.prism.regime.limit.Params.requireFinite(limit.regime(), ts, curve.pop());
        switch (format) {
            case text -> LimitReport.curveText(out, limit, exact, curve);
            case json -> LimitReport.curveJson(out, limit, exact, curve);
            case csv -> LimitReport.curveCsv(out, curve);
        }
        return 0;
    }
}
