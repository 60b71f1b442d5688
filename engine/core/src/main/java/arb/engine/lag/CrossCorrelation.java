package arb.engine.lag;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cross-correlation estimator of Kalshi's repricing lag: on a regular grid of event time, the
 * correlation of the engine's fair-value changes with the Kalshi mid's changes that many seconds
 * later, for lags 0 to {@code maxLagNs}; the lag with the highest correlation is the estimate, and a
 * bootstrap over whole markets (each market a block) gives its 95% interval.
 */
public final class CrossCorrelation
{
    /** The pooled curve and its peak. */
    public record Result(int markets, long gridNs, double[] curve, long peakNs, long lowNs, long highNs, double peakCorrelation)
    {
        /** The lag of curve point {@code k}. */
        public long lagNs(final int k)
        {
            return k * gridNs;
        }
    }

    /** One market's sums: sxy per lag, sxx, syy. */
    private static final class Sums
    {
        final double[] sxy;
        double sxx;
        double syy;

        Sums(final int lags)
        {
            sxy = new double[lags];
        }
    }

    private final LagSettings settings;
    private final int lags;

    public CrossCorrelation(final LagSettings settings)
    {
        this.settings = settings;
        this.lags = (int)(settings.maxLagNs() / settings.gridNs()) + 1;
    }

    /** The pooled estimate over the traces; null when none has enough data. */
    public Result estimate(final List<MarketTrace> traces)
    {
        final Sums[] sums = traces.stream().map(this::sums).filter(s -> s != null).toArray(Sums[]::new);
        if (sums.length == 0)
        {
            return null;
        }
        final double[] curve = curve(sums, null);
        final int peak = argmax(curve);
        final double[] peaks = new double[settings.bootstrap()];
        final SplittableRandom random = new SplittableRandom(settings.seed());
        final int[] pick = new int[sums.length];
        for (int b = 0; b < peaks.length; b++)
        {
            for (int i = 0; i < pick.length; i++)
            {
                pick[i] = random.nextInt(sums.length);
            }
            peaks[b] = refinedPeak(curve(sums, pick));
        }
        Arrays.sort(peaks);
        final long grid = settings.gridNs();
        return new Result(sums.length, grid, curve, Math.round(refinedPeak(curve) * grid),
            Math.round(Stats.quantileSorted(peaks, 0.025) * grid), Math.round(Stats.quantileSorted(peaks, 0.975) * grid),
            curve[peak]);
    }

    private double[] curve(final Sums[] sums, final int[] pick)
    {
        final double[] sxy = new double[lags];
        double sxx = 0;
        double syy = 0;
        final int n = pick == null ? sums.length : pick.length;
        for (int i = 0; i < n; i++)
        {
            final Sums s = sums[pick == null ? i : pick[i]];
            for (int k = 0; k < lags; k++)
            {
                sxy[k] += s.sxy[k];
            }
            sxx += s.sxx;
            syy += s.syy;
        }
        final double norm = Math.sqrt(sxx * syy);
        for (int k = 0; k < lags; k++)
        {
            sxy[k] = norm > 0 ? sxy[k] / norm : 0;
        }
        return sxy;
    }

    private static int argmax(final double[] c)
    {
        int best = 0;
        for (int k = 1; k < c.length; k++)
        {
            if (c[k] > c[best])
            {
                best = k;
            }
        }
        return best;
    }

    /** The peak in grid steps, refined by a parabola through the highest point and its neighbours. */
    static double refinedPeak(final double[] c)
    {
        final int k = argmax(c);
        if (k == 0 || k == c.length - 1)
        {
            return k;
        }
        final double denominator = c[k - 1] - 2 * c[k] + c[k + 1];
        if (denominator >= 0)
        {
            return k;
        }
        final double offset = 0.5 * (c[k - 1] - c[k + 1]) / denominator;
        return k + Math.max(-0.5, Math.min(0.5, offset));
    }

    /** One market's changes on the grid and their lagged cross products; null without enough data. */
    private Sums sums(final MarketTrace t)
    {
        if (t.fairCount() < 2 || t.quoteCount() < 2)
        {
            return null;
        }
        final long grid = settings.gridNs();
        final long start = Math.max(t.fairNs(0), t.quoteNs(0)) + settings.diffNs();
        final long end = Math.min(t.closeTimeNs() - settings.closeGuardNs(),
            Math.min(t.fairNs(t.fairCount() - 1), t.quoteNs(t.quoteCount() - 1)));
        final int n = (int)((end - start) / grid);
        if (n < lags + 2)
        {
            return null;
        }
        final double[] df = new double[n];
        final double[] dm = new double[n];
        for (int g = 0; g < n; g++)
        {
            final long time = start + g * grid;
            df[g] = t.fair(t.fairIndexAt(time)) - t.fair(t.fairIndexAt(time - settings.diffNs()));
            final int q = t.quoteIndexAt(time);
            final int p = t.quoteIndexAt(time - settings.diffNs());
            dm[g] = p < 0 ? 0 : t.quote(q) - t.quote(p);
        }
        final Sums s = new Sums(lags);
        for (int g = 0; g < n; g++)
        {
            s.sxx += df[g] * df[g];
            s.syy += dm[g] * dm[g];
            for (int k = 0; k < lags && g + k < n; k++)
            {
                s.sxy[k] += df[g] * dm[g + k];
            }
        }
        return s;
    }
}
