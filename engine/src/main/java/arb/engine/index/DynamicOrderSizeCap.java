package arb.engine.index;

import java.util.Arrays;

/**
 * The dynamic order size cap C_T of the CF real-time indices: from a sample of order sizes,
 * C_T = trimmed mean + k x winsorized standard deviation, where the trimmed mean drops the
 * {@code trim} fraction of the sample at each end and the winsorized standard deviation replaces
 * those same tail values by the nearest kept value.
 *
 * <p>Exact definitions used (CF Benchmarks announced the rule in words; the formula below is this
 * engine's reading of it): n sizes, {@code t = floor(n x trim)} (with a 1e-9 guard so 100 x 0.01 is
 * 1), {@code lo} and {@code hi} the (t+1)-th smallest and (t+1)-th largest sizes;
 * trimmed mean = mean of the n - 2t middle order statistics; winsorized values
 * w_i = clamp(x_i, lo, hi); sigma = sqrt(sum (w_i - mean(w))^2 / (n - 1)) (0 when n = 1).
 *
 * <p>No sorting: the two order statistics come from an in-place three-way quickselect on a scratch
 * copy (duplicates are common in real books), so a calculation costs O(n) and allocates nothing
 * once the scratch array has grown to the largest sample seen. The result depends only on the
 * multiset of sizes, never on their order.
 */
public final class DynamicOrderSizeCap
{
    private final double trim;
    private final double stdDevs;
    private long[] scratch;
    private double lastTrimmedMean;
    private double lastStdDev;

    public DynamicOrderSizeCap(final double trim, final double stdDevs, final int initialCapacity)
    {
        this.trim = trim;
        this.stdDevs = stdDevs;
        this.scratch = new long[Math.max(16, initialCapacity)];
    }

    /**
     * The cap for a sample of sizes, in the sizes' own unit, rounded down (at least 1).
     *
     * @param sizes the sample, left unchanged
     * @param count how many entries of {@code sizes} form the sample
     * @return the cap, or {@link Long#MAX_VALUE} for an empty sample (nothing to cap against)
     */
    public long cap(final long[] sizes, final int count)
    {
        if (count <= 0)
        {
            lastTrimmedMean = Double.NaN;
            lastStdDev = Double.NaN;
            return Long.MAX_VALUE;
        }
        if (scratch.length < count)
        {
            scratch = Arrays.copyOf(scratch, Math.max(count, scratch.length * 2));
        }
        final long[] a = scratch;
        System.arraycopy(sizes, 0, a, 0, count);

        final int n = count;
        int t = (int)Math.floor(n * trim + 1e-9);
        if (2 * t >= n)
        {
            t = (n - 1) / 2;
        }
        final long lo = select(a, n, t);
        final long hi = select(a, n, n - 1 - t);

        long winsorSum = 0;
        for (int i = 0; i < n; i++)
        {
            winsorSum += clamp(sizes[i], lo, hi);
        }
        // The t smallest are clamped up to lo and the t largest down to hi, so removing t x (lo + hi)
        // from the winsorized sum leaves exactly the sum of the middle n - 2t order statistics.
        final double trimmedMean = (double)(winsorSum - t * (lo + hi)) / (n - 2 * t);
        final double winsorMean = (double)winsorSum / n;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            final double d = clamp(sizes[i], lo, hi) - winsorMean;
            squares += d * d;
        }
        final double stdDev = n > 1 ? StrictMath.sqrt(squares / (n - 1)) : 0.0;
        lastTrimmedMean = trimmedMean;
        lastStdDev = stdDev;
        final double c = trimmedMean + stdDevs * stdDev;
        return Math.max(1L, (long)c);
    }

    /** Trimmed mean of the last sample (diagnostics, tests). */
    public double lastTrimmedMean()
    {
        return lastTrimmedMean;
    }

    /** Winsorized standard deviation of the last sample (diagnostics, tests). */
    public double lastStdDev()
    {
        return lastStdDev;
    }

    private static long clamp(final long x, final long lo, final long hi)
    {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** The k-th smallest (0-based) of a[0, n), partially reordering a. */
    static long select(final long[] a, final int n, final int k)
    {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo)
        {
            final int mid = (lo + hi) >>> 1;
            final long pivot = medianOf3(a[lo], a[mid], a[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt)
            {
                final long x = a[i];
                if (x < pivot)
                {
                    a[i] = a[lt];
                    a[lt] = x;
                    lt++;
                    i++;
                }
                else if (x > pivot)
                {
                    a[i] = a[gt];
                    a[gt] = x;
                    gt--;
                }
                else
                {
                    i++;
                }
            }
            if (k < lt)
            {
                hi = lt - 1;
            }
            else if (k > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return pivot;
            }
        }
        return a[k];
    }

    private static long medianOf3(final long a, final long b, final long c)
    {
        if (a < b)
        {
            return b < c ? b : Math.max(a, c);
        }
        return a < c ? a : Math.max(b, c);
    }
}
