package arb.engine.model;

import arb.journal.Scales;

/**
 * The per-second prints of one index, addressable by event time: a ring indexed by second, each
 * slot holding the print of one second or NULL for a second without a value.
 *
 * <p>Answers the exact-second question (the print of second s, {@link #valueAt}), the look-back
 * question (the latest print at or before a time, {@link #valueAtOrBefore}; look-backs are measured
 * in seconds, never in ticks) and sums over a time range ({@link #sum}: the known part of a
 * settlement window, the settlement average of {@link SettlementRule}). The ring keeps the last
 * {@code capacity} seconds (rounded up to a power of two); a slot is valid only for the second it
 * was last written with, so an overwritten or never recorded second reads as NULL. The caller
 * decides which prints go in (the index stage records every second, NULL included; the trading desk
 * only positive prints later than the last one). Preallocated; no allocation per print or query.
 */
public final class IndexHistory
{
    private static final long SECOND_NS = 1_000_000_000L;

    private final long[] second;
    private final long[] value;
    private final int mask;
    private long lastSecond = Long.MIN_VALUE;
    private long lastValue = Scales.NULL;
    private int lastCount;

    /** @param capacity seconds kept, rounded up to a power of two (at least 128) */
    public IndexHistory(final int capacity)
    {
        final int size = capacity <= 128 ? 128 : Integer.highestOneBit(capacity - 1) << 1;
        second = new long[size];
        value = new long[size];
        mask = size - 1;
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /** Seconds the ring holds (the capacity rounded up to a power of two). */
    public int capacity()
    {
        return mask + 1;
    }

    /**
     * Records the print for the second starting at {@code secondNs} (a whole second of event time),
     * replacing whatever the slot held.
     *
     * @param print the print (1e-8 USD), or NULL for no value
     */
    public void record(final long secondNs, final long print)
    {
        final long s = Math.floorDiv(secondNs, SECOND_NS);
        final int slot = (int)(s & mask);
        second[slot] = s;
        value[slot] = print;
        if (print != Scales.NULL && (lastSecond == Long.MIN_VALUE || s >= lastSecond))
        {
            lastSecond = s;
            lastValue = print;
        }
    }

    /** The print for the second at {@code secondNs}, or NULL (no value, never recorded, or overwritten). */
    public long valueAt(final long secondNs)
    {
        final long s = Math.floorDiv(secondNs, SECOND_NS);
        final int slot = (int)(s & mask);
        return second[slot] == s ? value[slot] : Scales.NULL;
    }

    /** The latest print's value, or {@link Scales#NULL}. */
    public long lastValue()
    {
        return lastValue;
    }

    /** The latest print's second (ns), or {@code Long.MIN_VALUE}. */
    public long lastSecondNs()
    {
        return lastSecond == Long.MIN_VALUE ? Long.MIN_VALUE : lastSecond * SECOND_NS;
    }

    /**
     * The value of the latest print at or before {@code timeNs}, or {@link Scales#NULL}; prints more
     * than the capacity before the latest one are not seen.
     */
    public long valueAtOrBefore(final long timeNs)
    {
        final long s = latestAtOrBefore(timeNs);
        return s == Long.MIN_VALUE ? Scales.NULL : value[(int)(s & mask)];
    }

    /** The second (ns) of the latest print at or before {@code timeNs}, or {@code Long.MIN_VALUE}. */
    public long secondAtOrBefore(final long timeNs)
    {
        final long s = latestAtOrBefore(timeNs);
        return s == Long.MIN_VALUE ? Long.MIN_VALUE : s * SECOND_NS;
    }

    /**
     * Sum of the prints of the seconds s with fromExclusiveNs < s <= toInclusiveNs; seconds without
     * a value are left out and the number that went in is then {@link #lastCount()}. The cost is one
     * step per second of the range, which should not exceed the capacity.
     */
    public long sum(final long fromExclusiveNs, final long toInclusiveNs)
    {
        final long first = Math.floorDiv(fromExclusiveNs, SECOND_NS) + 1;
        final long last = Math.floorDiv(toInclusiveNs, SECOND_NS);
        long total = 0;
        int count = 0;
        for (long s = first; s <= last; s++)
        {
            final int slot = (int)(s & mask);
            if (second[slot] == s && value[slot] != Scales.NULL)
            {
                total += value[slot];
                count++;
            }
        }
        lastCount = count;
        return total;
    }

    /** Number of prints the last {@link #sum} added. */
    public int lastCount()
    {
        return lastCount;
    }

    /** The latest second <= timeNs with a print, no further back than the ring reaches; or MIN_VALUE. */
    private long latestAtOrBefore(final long timeNs)
    {
        if (lastSecond == Long.MIN_VALUE)
        {
            return Long.MIN_VALUE;
        }
        final long wanted = Math.floorDiv(timeNs, SECOND_NS);
        if (wanted >= lastSecond)
        {
            return lastSecond;
        }
        final long oldest = lastSecond - mask;
        for (long s = wanted; s >= oldest; s--)
        {
            final int slot = (int)(s & mask);
            if (second[slot] == s && value[slot] != Scales.NULL)
            {
                return s;
            }
        }
        return Long.MIN_VALUE;
    }
}
