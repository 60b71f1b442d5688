package arb.engine.index;

import arb.journal.Scales;

/**
 * The per-second prints of one index method: a ring of the last {@code capacity} seconds, each
 * print rounded to cents (as the official index publishes them), NULL for a second without a
 * value. Answers the settlement question: the average of the prints in (close - window, close].
 * Preallocated; no allocation per print or per average.
 */
public final class IndexSeries
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long CENT = 1_000_000L;

    private final long[] second;
    private final long[] value;
    private final int mask;
    private int lastSamples;

    /** @param capacity seconds kept, rounded up to a power of two (at least 128) */
    public IndexSeries(final int capacity)
    {
        final int size = capacity <= 128 ? 128 : Integer.highestOneBit(capacity - 1) << 1;
        second = new long[size];
        value = new long[size];
        mask = size - 1;
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /**
     * Records the print for the second ending at {@code secondNs} (a whole second of event time).
     *
     * @param valueCents the print rounded to cents at the 1e-8 price scale, or NULL for no value
     */
    public void record(final long secondNs, final long valueCents)
    {
        final long s = Math.floorDiv(secondNs, SECOND_NS);
        final int slot = (int)(s & mask);
        second[slot] = s;
        value[slot] = valueCents == Scales.NULL ? Scales.NULL : BrtiCalculator.roundToCents(valueCents);
    }

    /** The print for the second ending at {@code secondNs}, or NULL (no value, never recorded, or overwritten). */
    public long valueAt(final long secondNs)
    {
        final long s = Math.floorDiv(secondNs, SECOND_NS);
        final int slot = (int)(s & mask);
        return second[slot] == s ? value[slot] : Scales.NULL;
    }

    /**
     * The average of the prints of the seconds s with close - window < s <= close, rounded to cents
     * half away from zero; seconds without a value are left out ({@link #lastSamples()} says how many
     * went in).
     *
     * @return the average (1e-8 USD, whole cents) or NULL when no second in the window has a value
     */
    public long windowAverage(final long closeNs, final long windowNs)
    {
        final long last = Math.floorDiv(closeNs, SECOND_NS);
        final long first = Math.floorDiv(closeNs - windowNs, SECOND_NS) + 1;
        long sumCents = 0;
        int n = 0;
        for (long s = first; s <= last; s++)
        {
            final int slot = (int)(s & mask);
            if (second[slot] == s && value[slot] != Scales.NULL)
            {
                sumCents += value[slot] / CENT;
                n++;
            }
        }
        lastSamples = n;
        if (n == 0)
        {
            return Scales.NULL;
        }
        return roundedQuotient(sumCents, n) * CENT;
    }

    /** Number of prints that went into the last {@link #windowAverage}. */
    public int lastSamples()
    {
        return lastSamples;
    }

    /** a / b rounded half away from zero, b > 0. */
    static long roundedQuotient(final long a, final long b)
    {
        return a >= 0 ? (2 * a + b) / (2 * b) : -((-2 * a + b) / (2 * b));
    }
}
