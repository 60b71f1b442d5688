package arb.engine.model;

import arb.journal.Scales;

/**
 * The per-second index prints of the last hour or so, addressable by event time: the value at or
 * before a time (look-backs measured in seconds, never in ticks), and sums over a time range (the
 * known part of a settlement window, the engine's settlement estimate).
 *
 * <p>A ring of (secondNs, value) in time order; prints not later than the last one, or not
 * positive, are ignored. Look-ups are binary searches. No allocation after construction.
 */
public final class IndexHistory
{
    private final long[] secondNs;
    private final long[] values;
    private int head;
    private int size;
    private int lastCount;

    /**
     * @param retentionNs  how far back prints are kept
     * @param minSpacingNs shortest spacing of prints (1 s)
     */
    public IndexHistory(final long retentionNs, final long minSpacingNs)
    {
        if (retentionNs <= 0 || minSpacingNs <= 0)
        {
            throw new IllegalArgumentException("retentionNs and minSpacingNs must be positive");
        }
        final int capacity = (int)(retentionNs / minSpacingNs) + 2;
        secondNs = new long[capacity];
        values = new long[capacity];
    }

    /** Records the print for one second; returns false when it was ignored. */
    public boolean onPrint(final long second, final long value)
    {
        if (value <= 0 || (size > 0 && second <= lastSecondNs()))
        {
            return false;
        }
        if (size == secondNs.length)
        {
            head = (head + 1) % secondNs.length;
            size--;
        }
        final int tail = (head + size) % secondNs.length;
        secondNs[tail] = second;
        values[tail] = value;
        size++;
        return true;
    }

    public int size()
    {
        return size;
    }

    /** The latest print's value, or {@link Scales#NULL}. */
    public long lastValue()
    {
        return size == 0 ? Scales.NULL : values[physical(size - 1)];
    }

    /** The latest print's second, or {@code Long.MIN_VALUE}. */
    public long lastSecondNs()
    {
        return size == 0 ? Long.MIN_VALUE : secondNs[physical(size - 1)];
    }

    /** The value of the latest print at or before {@code timeNs}, or {@link Scales#NULL}. */
    public long valueAtOrBefore(final long timeNs)
    {
        final int i = lastAtOrBefore(timeNs);
        return i < 0 ? Scales.NULL : values[physical(i)];
    }

    /** The second of the latest print at or before {@code timeNs}, or {@code Long.MIN_VALUE}. */
    public long secondAtOrBefore(final long timeNs)
    {
        final int i = lastAtOrBefore(timeNs);
        return i < 0 ? Long.MIN_VALUE : secondNs[physical(i)];
    }

    /** The earliest retained second, or {@code Long.MIN_VALUE}. */
    public long firstSecondNs()
    {
        return size == 0 ? Long.MIN_VALUE : secondNs[head];
    }

    /**
     * Sum of the prints with second in (fromExclusiveNs, toInclusiveNs]; their number is then
     * {@link #lastCount()}.
     */
    public long sum(final long fromExclusiveNs, final long toInclusiveNs)
    {
        long total = 0;
        int count = 0;
        for (int i = lastAtOrBefore(fromExclusiveNs) + 1; i < size; i++)
        {
            final int p = physical(i);
            if (secondNs[p] > toInclusiveNs)
            {
                break;
            }
            total += values[p];
            count++;
        }
        lastCount = count;
        return total;
    }

    /** Number of prints the last {@link #sum} added. */
    public int lastCount()
    {
        return lastCount;
    }

    /** Logical index of the latest print with second <= timeNs, or -1. */
    private int lastAtOrBefore(final long timeNs)
    {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (secondNs[physical(mid)] <= timeNs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int physical(final int logical)
    {
        final int p = head + logical;
        return p >= secondNs.length ? p - secondNs.length : p;
    }
}
