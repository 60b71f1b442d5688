package arb.engine.index;

/**
 * Detects, from clock-tick scheduled times, when event time crosses into a new whole second, so
 * once-per-second outputs are emitted on the tick at (or first after) each second boundary, in
 * replay exactly as live.
 */
public final class SecondBoundary
{
    private static final long NS_PER_S = 1_000_000_000L;
    private long lastSecondNs = Long.MIN_VALUE;

    /**
     * @return the whole second (epoch ns) that the tick completes, or {@link Long#MIN_VALUE} when the
     * tick does not cross a boundary since the last call that returned one
     */
    public long onTick(final long scheduledNs)
    {
        final long second = Math.floorDiv(scheduledNs, NS_PER_S) * NS_PER_S;
        if (lastSecondNs == Long.MIN_VALUE)
        {
            lastSecondNs = second;
            return scheduledNs == second ? second : Long.MIN_VALUE;
        }
        if (second > lastSecondNs)
        {
            lastSecondNs = second;
            return second;
        }
        return Long.MIN_VALUE;
    }
}
