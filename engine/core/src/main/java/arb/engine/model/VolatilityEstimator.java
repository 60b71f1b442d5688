package arb.engine.model;

/**
 * Realised volatility of the per-second index over a window of event time (seconds, never a count
 * of ticks), shrunk toward a prior while the window holds little data.
 *
 * <p>Each accepted print adds the log return since the previous print and the time it spans. For
 * a Brownian log price E[r²] = σ² Δt whatever Δt is, so the estimate is time-weighted:
 * <pre>
 *   σ² = (Σ r_i² + σ0² W0) / (Σ Δt_i + W0)
 * </pre>
 * where σ0 is the prior and W0 its weight in seconds: with an empty window the prior rules, after
 * a few minutes of prints the data does. Robustness: a gap longer than {@code maxGapNs} (a dead
 * index, a restart) does not produce a return, it restarts the chain; each return is winsorised
 * at {@code |r| <= maxMovePerSqrtSecond · sqrt(Δt)} (a bad print must not set the volatility for
 * the next fifteen minutes); prints that are not later than the last one are ignored; samples
 * leave the window by their end time relative to the query time, so a stalled index ages out
 * instead of freezing the estimate.
 *
 * <p>Jumps: {@link #bipowerVariancePerSecond} is the same estimate from bipower variation,
 * (π/2) Σ |r_i| |r_{i-1}| over Σ sqrt(Δt_i Δt_{i-1}) (Barndorff-Nielsen and Shephard): a single jump
 * enters one product next to an ordinary return instead of entering squared, so it measures the
 * diffusion alone; {@link #jumpVariancePerSecond} is what realised variance holds beyond it (the
 * jumps' contribution per second, never negative).
 *
 * <p>Sums are kept in exact integers (r² in units of 1e-17, time in ns), so adding and evicting
 * never drifts and a replay reproduces every bit. The winsorisation bound and the window limit
 * of one day (gaps at most the window) keep Σ r² below 2^63. No allocation after construction.
 */
public final class VolatilityEstimator
{
    /** Seconds in a 365-day year: converts between annualised and per-second volatility. */
    public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;
    private static final double SQUARE_SCALE = 1e17;
    private static final double HALF_PI = StrictMath.PI / 2.0;
    private static final long MAX_WINDOW_NS = 86_400L * 1_000_000_000L;

    private final long windowNs;
    private final long maxGapNs;
    private final double priorVariancePerSecond;
    private final double priorWeightSeconds;
    private final double maxMovePerSqrtSecond;
    private final double minSigma;
    private final double maxSigma;

    private final long[] endNs;
    private final long[] spanNs;
    private final long[] square;
    private final long[] bipower;
    private final long[] bipowerSpanNs;
    private int head;
    private int size;
    private long sumSquare;
    private long sumSpanNs;
    private long sumBipower;
    private long sumBipowerSpanNs;
    /** |r| and Δt (s) of the previous return of the current chain; NaN after a restart. */
    private double lastAbsReturn = Double.NaN;
    private double lastSpanSeconds;

    private long lastSecondNs = Long.MIN_VALUE;
    private long lastPrice;
    private long ignored;

    /**
     * @param windowNs             look-back window (event time), at most one day
     * @param minSpacingNs         shortest spacing of accepted prints (1 s for the per-second index): sizes the ring
     * @param maxGapNs             a longer gap between prints restarts the return chain
     * @param priorSigma           prior volatility per square-root second
     * @param priorWeightNs        weight of the prior, as time
     * @param maxMovePerSqrtSecond winsorisation bound on |r| / sqrt(Δt seconds), at most 0.01
     * @param minSigma             floor of the estimate, per square-root second
     * @param maxSigma             cap of the estimate, per square-root second
     */
    public VolatilityEstimator(
        final long windowNs,
        final long minSpacingNs,
        final long maxGapNs,
        final double priorSigma,
        final long priorWeightNs,
        final double maxMovePerSqrtSecond,
        final double minSigma,
        final double maxSigma)
    {
        if (windowNs <= 0 || windowNs > MAX_WINDOW_NS || minSpacingNs <= 0 || maxGapNs <= 0 || maxGapNs > windowNs)
        {
            throw new IllegalArgumentException("0 < windowNs <= 1 day, minSpacingNs > 0, 0 < maxGapNs <= windowNs");
        }
        if (!(maxMovePerSqrtSecond > 0 && maxMovePerSqrtSecond <= 0.01) || !(priorSigma >= 0) || priorWeightNs < 0
            || !(minSigma >= 0) || !(maxSigma >= minSigma))
        {
            throw new IllegalArgumentException("0 < maxMovePerSqrtSecond <= 0.01, priors >= 0, minSigma <= maxSigma");
        }
        this.windowNs = windowNs;
        this.maxGapNs = maxGapNs;
        this.priorVariancePerSecond = priorSigma * priorSigma;
        this.priorWeightSeconds = priorWeightNs / 1e9;
        this.maxMovePerSqrtSecond = maxMovePerSqrtSecond;
        this.minSigma = minSigma;
        this.maxSigma = maxSigma;
        final int capacity = (int)(windowNs / minSpacingNs) + 2;
        endNs = new long[capacity];
        spanNs = new long[capacity];
        square = new long[capacity];
        bipower = new long[capacity];
        bipowerSpanNs = new long[capacity];
    }

    /** Converts an annualised volatility (0.5 = 50%/year) to per square-root second. */
    public static double perSqrtSecond(final double annualised)
    {
        return annualised / StrictMath.sqrt(SECONDS_PER_YEAR);
    }

    /** Converts a per-square-root-second volatility to an annualised one. */
    public static double annualised(final double perSqrtSecond)
    {
        return perSqrtSecond * StrictMath.sqrt(SECONDS_PER_YEAR);
    }

    /**
     * Accepts the index print for one second.
     *
     * @param secondNs the second the print is for (event time)
     * @param price    the index value (any positive fixed-point scale)
     */
    public void onPrint(final long secondNs, final long price)
    {
        if (price <= 0 || secondNs <= lastSecondNs)
        {
            ignored++;
            return;
        }
        final long previousNs = lastSecondNs;
        final long previousPrice = lastPrice;
        lastSecondNs = secondNs;
        lastPrice = price;
        if (previousNs == Long.MIN_VALUE)
        {
            return;
        }
        final long span = secondNs - previousNs;
        if (span > maxGapNs)
        {
            lastAbsReturn = Double.NaN;
            return;
        }
        final double spanSeconds = span / 1e9;
        final double bound = maxMovePerSqrtSecond * maxMovePerSqrtSecond * spanSeconds;
        final double r = StrictMath.log((double)price / (double)previousPrice);
        final double r2 = r * r > bound ? bound : r * r;
        final long scaled = (long)(r2 * SQUARE_SCALE + 0.5);
        final double absR = StrictMath.sqrt(r2);
        long product = 0;
        long productSpan = 0;
        if (lastAbsReturn == lastAbsReturn)
        {
            product = (long)(absR * lastAbsReturn * SQUARE_SCALE + 0.5);
            productSpan = (long)(StrictMath.sqrt(spanSeconds * lastSpanSeconds) * 1e9 + 0.5);
        }
        lastAbsReturn = absR;
        lastSpanSeconds = spanSeconds;
        evictBefore(secondNs);
        if (size == endNs.length)
        {
            dropOldest();
        }
        final int tail = (head + size) % endNs.length;
        endNs[tail] = secondNs;
        spanNs[tail] = span;
        square[tail] = scaled;
        bipower[tail] = product;
        bipowerSpanNs[tail] = productSpan;
        size++;
        sumSquare += scaled;
        sumSpanNs += span;
        sumBipower += product;
        sumBipowerSpanNs += productSpan;
    }

    /** Variance per second at event time {@code nowNs}, prior-shrunk, before the floor/cap. */
    public double variancePerSecond(final long nowNs)
    {
        evictBefore(nowNs);
        final double dataSeconds = sumSpanNs / 1e9;
        final double denominator = dataSeconds + priorWeightSeconds;
        if (denominator <= 0.0)
        {
            return priorVariancePerSecond;
        }
        return (sumSquare / SQUARE_SCALE + priorVariancePerSecond * priorWeightSeconds) / denominator;
    }

    /**
     * Variance per second of the diffusion alone at event time {@code nowNs}, from bipower
     * variation, prior-shrunk like {@link #variancePerSecond}, before the floor/cap.
     */
    public double bipowerVariancePerSecond(final long nowNs)
    {
        evictBefore(nowNs);
        final double dataSeconds = sumBipowerSpanNs / 1e9;
        final double denominator = dataSeconds + priorWeightSeconds;
        if (denominator <= 0.0)
        {
            return priorVariancePerSecond;
        }
        return (HALF_PI * (sumBipower / SQUARE_SCALE) + priorVariancePerSecond * priorWeightSeconds) / denominator;
    }

    /**
     * The jumps' variance per second in the window at event time {@code nowNs}: realised variance
     * per second minus bipower variance per second (both from data alone, no prior), at least 0;
     * 0 without data.
     */
    public double jumpVariancePerSecond(final long nowNs)
    {
        evictBefore(nowNs);
        if (sumSpanNs <= 0 || sumBipowerSpanNs <= 0)
        {
            return 0.0;
        }
        final double realised = (sumSquare / SQUARE_SCALE) / (sumSpanNs / 1e9);
        final double diffusion = HALF_PI * (sumBipower / SQUARE_SCALE) / (sumBipowerSpanNs / 1e9);
        return realised > diffusion ? realised - diffusion : 0.0;
    }

    /** {@code sqrt(variance)} within [minSigma, maxSigma]. */
    public double clampSigma(final double variancePerSecond)
    {
        final double s = StrictMath.sqrt(variancePerSecond);
        return s < minSigma ? minSigma : (s > maxSigma ? maxSigma : s);
    }

    /** Volatility per square-root second at event time {@code nowNs}, within [minSigma, maxSigma]. */
    public double sigma(final long nowNs)
    {
        final double s = StrictMath.sqrt(variancePerSecond(nowNs));
        return s < minSigma ? minSigma : (s > maxSigma ? maxSigma : s);
    }

    /** Returns in the window as of the last query or print. */
    public int samples()
    {
        return size;
    }

    /** Event time the window's returns span, as of the last query or print. */
    public long coveredNs()
    {
        return sumSpanNs;
    }

    /** Prints ignored (non-positive, not later than the previous one). */
    public long ignoredPrints()
    {
        return ignored;
    }

    public long windowNs()
    {
        return windowNs;
    }

    private void evictBefore(final long nowNs)
    {
        final long oldestKept = nowNs - windowNs;
        while (size > 0 && endNs[head] <= oldestKept)
        {
            dropOldest();
        }
    }

    private void dropOldest()
    {
        sumSquare -= square[head];
        sumSpanNs -= spanNs[head];
        sumBipower -= bipower[head];
        sumBipowerSpanNs -= bipowerSpanNs[head];
        head = (head + 1) % endNs.length;
        size--;
    }
}
