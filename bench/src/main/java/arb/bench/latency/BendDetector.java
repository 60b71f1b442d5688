package arb.bench.latency;

/**
 * Decides, rate by rate, whether latency is still flat, and when the harness should stop. A rate is
 * flat when the producer kept the schedule and its p99 is at most {@code factor} times the best p99
 * seen at any rate so far (itself included). The harness stops after two consecutive rates that
 * are not flat; the maximum sustainable rate is the highest flat rate before that (a lone bent
 * rate between flat ones is treated as noise - shared machines have bad seconds).
 */
public final class BendDetector
{
    private final double factor;
    private long bestP99 = Long.MAX_VALUE;
    private int bentInARow;
    private long maxSustainable;

    public BendDetector(final double factor)
    {
        if (!(factor >= 1))
        {
            throw new IllegalArgumentException("bend factor must be >= 1: " + factor);
        }
        this.factor = factor;
    }

    /** Judges the next (higher) rate; returns true when it is flat. */
    public boolean accept(final long rate, final long p99, final boolean keptSchedule)
    {
        bestP99 = Math.min(bestP99, p99);
        final boolean flat = keptSchedule && p99 <= factor * bestP99;
        if (flat)
        {
            bentInARow = 0;
            maxSustainable = Math.max(maxSustainable, rate);
        }
        else
        {
            bentInARow++;
        }
        return flat;
    }

    /** True once two consecutive rates were not flat. */
    public boolean stop()
    {
        return bentInARow >= 2;
    }

    /** The highest flat rate so far (0 when none). */
    public long maxSustainable()
    {
        return maxSustainable;
    }
}
