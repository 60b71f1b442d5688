package arb.engine.lag;

/** Order statistics used by the lag analysis (linear interpolation between order statistics). */
final class Stats
{
    private Stats()
    {
    }

    /** The q-quantile of sorted values (q in [0, 1]); NaN for none. */
    static double quantileSorted(final double[] sorted, final double q)
    {
        if (sorted.length == 0)
        {
            return Double.NaN;
        }
        final double pos = q * (sorted.length - 1);
        final int lo = (int)Math.floor(pos);
        final int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
