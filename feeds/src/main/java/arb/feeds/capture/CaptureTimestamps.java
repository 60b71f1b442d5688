package arb.feeds.capture;

/**
 * Decides whether a capture record's {@code ts_ns} can be trusted before an import uses it: it must
 * lie between 2000 and 2200, may go back at most {@link #MAX_BACKWARD_NS} behind the last accepted
 * record (receive times from one I/O thread do not go back), and a jump of more than
 * {@link #MAX_JUMP_NS} forward is taken only when the record after it confirms it (a lone garbage
 * timestamp is skipped instead of stretching the run over years). Rejected records are counted per
 * reason.
 */
public final class CaptureTimestamps
{
    /** 2000-01-01T00:00:00Z in epoch ns. */
    public static final long MIN_NS = 946_684_800_000_000_000L;
    /** 2200-01-01T00:00:00Z in epoch ns. */
    public static final long MAX_NS = 7_258_118_400_000_000_000L;
    /** A record this far behind the last accepted one is out of order. */
    public static final long MAX_BACKWARD_NS = 1_000_000_000L;
    /** A forward jump this large needs a second record to confirm it. */
    public static final long MAX_JUMP_NS = 86_400_000_000_000L;

    private long last = Long.MIN_VALUE;
    private long pendingJump = Long.MIN_VALUE;
    private long outOfRange;
    private long outOfOrder;
    private long jumps;

    /** Whether a record at {@code tsNs} is taken; updates the counters when it is not. */
    public boolean accept(final long tsNs)
    {
        if (tsNs < MIN_NS || tsNs >= MAX_NS)
        {
            outOfRange++;
            return false;
        }
        if (last != Long.MIN_VALUE)
        {
            if (tsNs < last - MAX_BACKWARD_NS)
            {
                outOfOrder++;
                return false;
            }
            if (tsNs - last > MAX_JUMP_NS)
            {
                final boolean confirmed = pendingJump != Long.MIN_VALUE && tsNs >= pendingJump - MAX_BACKWARD_NS
                    && tsNs - pendingJump <= MAX_JUMP_NS;
                if (!confirmed)
                {
                    pendingJump = tsNs;
                    jumps++;
                    return false;
                }
            }
        }
        pendingJump = Long.MIN_VALUE;
        last = tsNs;
        return true;
    }

    /** Records whose ts_ns was outside 2000..2200. */
    public long outOfRange()
    {
        return outOfRange;
    }

    /** Records more than a second behind the last accepted one. */
    public long outOfOrder()
    {
        return outOfOrder;
    }

    /** Records skipped as an unconfirmed jump of more than a day. */
    public long jumps()
    {
        return jumps;
    }

    /** Every record refused. */
    public long rejected()
    {
        return outOfRange + outOfOrder + jumps;
    }
}
