package org.prism.autoencoder.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Rational;
import org.prism.autoencoder.FreeResummation;
import org.prism.autoencoder.LimitCurve;
import org.prism.autoencoder.RegimeLimit;

/** The predictions a {@link ScalingPath} can be compared with. */
public final class Predictions {
    private Predictions() {}

    /**
     * A regime limit at fixed parameters whose time variable is the grid's (large-data, mean-field,
     * narrow-latent: t; small-data: tau = (d/n) t).
     */
    public static Prediction limit(RegimeLimit limit, Map<String, Double> params) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        limit.curve(p, new double[] {0}); // validates the parameters now
        return new Prediction() {
            @Override
            public String description() {
                return limit.regime() + " limit (" + limit.normalisation() + ") in " + limit.timeUnit();
            }

            @Override
            public String label() {
                return limit.regime() + " limit";
            }

            @Override
            public LimitCurve curve(ScalingPath.Step step, double[] grid) {
                return limit.curve(p, grid);
            }
        };
    }

    /**
     * A free end law ({@code free-narrow}: parameter g = sigma^2 d, or {@code free-wide}: a0 =
     * sigma^2 m, taken from each step) evaluated at the real times {@code grid * timeScale}; only
     * the population curve is kept (at n = infinity the train loss is the same).
     */
    public static Prediction endLaw(RegimeLimit freeLimit) {
        String parameter = freeLimit.parameterNames().get(0);
        return new Prediction() {
            @Override
            public String description() {
                return freeLimit.regime() + " end law (" + freeLimit.normalisation() + "), " + parameter + " of each size";
            }

            @Override
            public String label() {
                return freeLimit.regime() + " end law (1 + 4 tau)^-2";
            }

            @Override
            public LimitCurve curve(ScalingPath.Step step, double[] grid) {
                double value = "a0".equals(parameter) ? step.sigma2() * step.m() : step.sigma2() * step.d();
                double[] t = new double[grid.length];
                for (int i = 0; i < t.length; i++) t[i] = grid[i] * step.timeScale();
                LimitCurve c = freeLimit.curve(Map.of(parameter, value), t);
                return new LimitCurve(grid.clone(), null, c.pop());
            }
        };
    }

    /**
     * The free regime at n = infinity (gamma = 0), y fixed, in closed form: E L(tau)/E L(0) =
     * int x^2 (1 + 4 x tau)^-2 dmu_y / int x^2 dmu_y, tau = sigma^2 d t, where mu_y has the moments
     * N_k(y) (Narayana polynomials), i.e. mu_y = (1 - y) delta_0 + y MP_y (MP_y the
     * Marchenko-Pastur law of ratio y; the factor x^2 removes the atoms, int x^2 dmu_y = y (1 + y)).
     * Each eigenvalue a of A obeys a' = -4a^2 + O(a) when a >> 1, so a(t) = a(0)/(1 + 4 a(0) t).
     * If {@code pade} is given (may be null), its resummed face series at (y, 0) is drawn next to it.
     */
    public static Prediction freeClosedForm(Rational yExact, FreeResummation pade) {
        double y = yExact.doubleValue();
        if (!(y >= 0)) throw new IllegalArgumentException("y must be >= 0, got " + yExact);
        MarchenkoPastur mp = new MarchenkoPastur(y);
        double norm = 1 + y;
        return new Prediction() {
            @Override
            public String description() {
                return "free regime at gamma = 0 (n = infinity), y = " + ScalingPath.number(y)
                        + ": E L/E L(0) = int x^2 (1+4 x tau)^-2 dmu_y / int x^2 dmu_y (closed form, MP quadrature)";
            }

            @Override
            public String label() {
                return "free limit at gamma = 0 (closed form)";
            }

            @Override
            public LimitCurve curve(ScalingPath.Step step, double[] grid) {
                return new LimitCurve(grid.clone(), null, closedForm(mp, norm, grid));
            }

            @Override
            public List<Extra> extras(ScalingPath.Step step, double[] grid) {
                if (pade == null) return List.of();
                FreeResummation.Curve c = pade.curve(yExact, Rational.ZERO, grid);
                return List.of(new Extra("Pade " + c.approximant() + " of the face series", c.ratio()));
            }
        };
    }

    static double[] closedForm(MarchenkoPastur mp, double norm, double[] taus) {
        double[] out = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            double tau = taus[i];
            out[i] = mp.integrate(l -> {
                double x = 1 + 4 * l * tau;
                return l * l / (x * x);
            }, 1e-12) / norm;
        }
        return out;
    }

    /**
     * The free regime at (y, gamma) by the Padé-resummed exact face series of the population loss
     * ({@link FreeResummation}); its uncertainty is the spread between the two best approximants. Its extras: the
     * curve plus and minus that spread and, where the series passes the Hankel test, the bounds of every positive
     * mixture of double poles with the same coefficients.
     */
    public static Prediction resummed(FreeResummation pade, Rational y, Rational gamma) {
        return new Prediction() {
            private double[] cachedGrid;
            private FreeResummation.Curve cached;

            private synchronized FreeResummation.Curve at(double[] grid) {
                if (cached == null || !Arrays.equals(cachedGrid, grid)) {
                    cached = pade.curve(y, gamma, grid);
                    cachedGrid = grid.clone();
                }
                return cached;
            }

            @Override
            public String description() {
                return "free regime at y = " + y + ", gamma = " + gamma + ": Pade resummation of the exact face series (orders 0.."
                        + pade.maxOrder() + ") of E L_pop(tau)/E L_pop(0), tau = sigma^2 d t";
            }

            @Override
            public String label() {
                return "free face series, Pade " + approximant();
            }

            private String approximant() {
                return cached == null ? "" : cached.approximant().split(" ")[0];
            }

            @Override
            public LimitCurve curve(ScalingPath.Step step, double[] grid) {
                return new LimitCurve(grid.clone(), null, at(grid).ratio().clone());
            }

            @Override
            public double[] uncertainty(ScalingPath.Step step, double[] grid) {
                return at(grid).spread().clone();
            }

            @Override
            public double[][] bounds(ScalingPath.Step step, double[] grid) {
                FreeResummation.Curve c = at(grid);
                return c.hasBounds() ? new double[][] {c.lower().clone(), c.upper().clone()} : null;
            }

            @Override
            public List<Extra> extras(ScalingPath.Step step, double[] grid) {
                FreeResummation.Curve c = at(grid);
                double[] up = new double[grid.length];
                double[] down = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    double s = Double.isNaN(c.spread()[i]) ? 0 : c.spread()[i];
                    up[i] = c.ratio()[i] + s;
                    down[i] = c.ratio()[i] - s;
                }
                List<Extra> extras = new ArrayList<>(List.of(new Extra("Pade + spread (" + c.approximant() + ")", up),
                        new Extra("Pade - spread", down)));
                if (c.hasBounds()) {
                    extras.add(new Extra("upper bound, mixtures of (1 + 4 x tau)^-2", c.upper().clone()));
                    extras.add(new Extra("lower bound", c.lower().clone()));
                }
                return extras;
            }
        };
    }
}
