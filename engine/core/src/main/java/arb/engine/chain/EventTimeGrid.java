package arb.engine.chain;

/**
 * A schedule on a fixed grid of event time (every {@code periodNs} from the epoch) that garbage
 * timestamps cannot break: the first boundary is the first one after the first event; a jump further
 * than {@code maxCatchUpNs} past the next boundary (or so far that the subtraction overflows)
 * resumes {@code maxCatchUpNs} before the event, counting the boundaries skipped; and boundaries
 * saturate at the end of the long range instead of wrapping into the past. Used by the index's
 * calculation schedule and by import's clock ticks.
 */
public final class EventTimeGrid
{
    private final long periodNs;
    private final long maxCatchUpNs;
    private long nextNs;
    private boolean started;
    private boolean exhausted;
    private long skipped;

    public EventTimeGrid(final long periodNs, final long maxCatchUpNs)
    {
        if (periodNs <= 0 || maxCatchUpNs < 0)
        {
            throw new IllegalArgumentException("period must be > 0 and catch-up >= 0: " + periodNs + ", " + maxCatchUpNs);
        }
        this.periodNs = periodNs;
        this.maxCatchUpNs = maxCatchUpNs;
    }

    public boolean started()
    {
        return started;
    }

    /** The first event: the schedule begins at the first boundary after it. */
    public void start(final long eventNs)
    {
        started = true;
        nextNs = boundaryAfter(eventNs);
    }

    /** Before looking for due boundaries at {@code eventNs}: skips what lies beyond the catch-up window. */
    public void skipLongJump(final long eventNs)
    {
        final long gap = eventNs - nextNs; // overflows only for garbage: caught below
        if (!exhausted && eventNs > nextNs && (gap < 0 || gap > maxCatchUpNs))
        {
            final long resume = boundaryAfter(eventNs - maxCatchUpNs);
            skipped += resume / periodNs - nextNs / periodNs;
            nextNs = resume;
        }
    }

    /** True when the next boundary is before {@code eventNs} (or at it, when {@code inclusive}). */
    public boolean due(final long eventNs, final boolean inclusive)
    {
        return !exhausted && (inclusive ? nextNs <= eventNs : nextNs < eventNs);
    }

    /** Returns the next boundary and advances past it; after the last one in the long range, none is due. */
    public long take()
    {
        final long at = nextNs;
        if (at > Long.MAX_VALUE - periodNs)
        {
            exhausted = true;
        }
        else
        {
            nextNs = at + periodNs;
        }
        return at;
    }

    /** Boundaries passed over by jumps longer than the catch-up window. */
    public long skipped()
    {
        return skipped;
    }

    private long boundaryAfter(final long t)
    {
        final long step = Math.floorDiv(t, periodNs);
        if (step >= Long.MAX_VALUE / periodNs)
        {
            exhausted = true;
            return Long.MAX_VALUE;
        }
        return (step + 1) * periodNs;
    }
}
