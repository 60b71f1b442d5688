package arb.engine.index;

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
 * <p>No sorting: the two order statistics come from one pass each with a bounded heap of t + 1
 * values (t is 1% of the sample), so a calculation costs about three linear passes and allocates
 * nothing once the heap scratch has grown to the largest trim seen. lo, hi and the integer sums
 * depend only on the multiset of sizes; the floating-point sum of squares runs in the caller's
 * fixed order (bids best-first, then asks best-first), so the result is reproducible bit for bit.
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
        this.scratch = new long[Math.max(16, 2 * ((int)(initialCapacity * trim) + 2))];
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
        return cap(sizes, count, sizes, 0);
    }

    /**
     * The cap for a sample held in two arrays (the bid and the ask side of the consolidated book),
     * so the caller need not copy them together.
     */
    public long cap(final long[] first, final int firstCount, final long[] second, final int secondCount)
    {
        final int n = firstCount + secondCount;
        if (n <= 0)
        {
            lastTrimmedMean = Double.NaN;
            lastStdDev = Double.NaN;
            return Long.MAX_VALUE;
        }
        int t = (int)Math.floor(n * trim + 1e-9);
        if (2 * t >= n)
        {
            t = (n - 1) / 2;
        }
        if (scratch.length < 2 * (t + 1))
        {
            scratch = new long[Math.max(2 * (t + 1), 2 * scratch.length)];
        }
        final long lo = smallest(first, firstCount, second, secondCount, t);
        final long hi = largest(first, firstCount, second, secondCount, t);

        final long winsorSum = winsorSum(first, firstCount, lo, hi) + winsorSum(second, secondCount, lo, hi);
        // The t smallest are clamped up to lo and the t largest down to hi, so removing t x (lo + hi)
        // from the winsorized sum leaves exactly the sum of the middle n - 2t order statistics.
        final double trimmedMean = (double)(winsorSum - t * (lo + hi)) / (n - 2 * t);
        final double winsorMean = (double)winsorSum / n;
        final double squares = squares(first, firstCount, lo, hi, winsorMean)
            + squares(second, secondCount, lo, hi, winsorMean);
        final double stdDev = n > 1 ? StrictMath.sqrt(squares / (n - 1)) : 0.0;
        lastTrimmedMean = trimmedMean;
        lastStdDev = stdDev;
        final double c = trimmedMean + stdDevs * stdDev;
        return Math.max(1L, (long)c);
    }

    private static long winsorSum(final long[] a, final int n, final long lo, final long hi)
    {
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += clamp(a[i], lo, hi);
        }
        return sum;
    }

    private static double squares(final long[] a, final int n, final long lo, final long hi, final double mean)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            final double d = clamp(a[i], lo, hi) - mean;
            sum += d * d;
        }
        return sum;
    }

    /**
     * The (t+1)-th smallest value of both arrays: a max-heap of the t+1 smallest seen so far. The
     * trim is a small fraction, so the heap is small and almost every value costs one comparison.
     */
    private long smallest(final long[] a, final int an, final long[] b, final int bn, final int t)
    {
        final long[] heap = scratch;
        final int size = t + 1;
        int filled = 0;
        for (int i = 0; i < an + bn; i++)
        {
            final long x = i < an ? a[i] : b[i - an];
            if (filled < size)
            {
                heap[filled] = x;
                siftUp(heap, filled, true);
                filled++;
            }
            else if (x < heap[0])
            {
                heap[0] = x;
                siftDown(heap, size, true);
            }
        }
        return heap[0];
    }

    /** The (t+1)-th largest value of both arrays: a min-heap of the t+1 largest seen so far. */
    private long largest(final long[] a, final int an, final long[] b, final int bn, final int t)
    {
        final long[] heap = scratch;
        final int size = t + 1;
        int filled = 0;
        for (int i = 0; i < an + bn; i++)
        {
            final long x = i < an ? a[i] : b[i - an];
            if (filled < size)
            {
                heap[filled] = x;
                siftUp(heap, filled, false);
                filled++;
            }
            else if (x > heap[0])
            {
                heap[0] = x;
                siftDown(heap, size, false);
            }
        }
        return heap[0];
    }

    /** True when {@code x} belongs above {@code y} in the heap (max-heap: larger; min-heap: smaller). */
    private static boolean above(final long x, final long y, final boolean max)
    {
        return max ? x > y : x < y;
    }

    private static void siftUp(final long[] heap, final int index, final boolean max)
    {
        int i = index;
        final long x = heap[i];
        while (i > 0)
        {
            final int parent = (i - 1) >> 1;
            if (!above(x, heap[parent], max))
            {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private static void siftDown(final long[] heap, final int size, final boolean max)
    {
        int i = 0;
        final long x = heap[0];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && above(heap[child + 1], heap[child], max))
            {
                child++;
            }
            if (!above(heap[child], x, max))
            {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
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
}
