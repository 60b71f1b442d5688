package arb.engine.results;

import java.util.Arrays;

/**
 * The markets the results have seen, keyed by ticker AND close time (on the night daylight saving
 * ends two windows share a ticker string), each given a dense run-unique id in order of first sight.
 * Records are preallocated and indexed by id; lookups go through an open-addressing table of ids
 * (linear probing, no boxing, no iteration order involved). When a new market finds the pool full,
 * pool and table double: allocation happens only when a market appears beyond the capacity, never
 * per event. Records are kept for the whole run (summary.json lists every market), so ids stay
 * valid; chain thread only.
 */
final class MarketTable
{
    private static final int EMPTY = -1;

    private MarketRecord[] records;
    private int[] slots;
    private int mask;
    private int size;

    MarketTable(final int initialCapacity)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity - 1)) << 1);
        records = new MarketRecord[capacity];
        for (int i = 0; i < capacity; i++)
        {
            records[i] = new MarketRecord();
        }
        slots = new int[capacity * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
    }

    int size()
    {
        return size;
    }

    MarketRecord get(final int id)
    {
        return records[id];
    }

    /** The market's record, or null when it was never seen. */
    MarketRecord find(final byte[] ticker, final long closeNs)
    {
        int i = hash(ticker, closeNs) & mask;
        while (true)
        {
            final int id = slots[i];
            if (id == EMPTY)
            {
                return null;
            }
            final MarketRecord m = records[id];
            if (m.is(ticker, closeNs))
            {
                return m;
            }
            i = (i + 1) & mask;
        }
    }

    /** A fresh record for a market {@link #find} did not know; the caller fills it in. */
    MarketRecord add(final byte[] ticker, final long closeNs)
    {
        if (size == records.length)
        {
            grow();
        }
        final MarketRecord m = records[size];
        m.reset(size, ticker, closeNs);
        insert(size);
        size++;
        return m;
    }

    private void insert(final int id)
    {
        final MarketRecord m = records[id];
        int i = hash(m.ticker, m.closeNs) & mask;
        while (slots[i] != EMPTY)
        {
            i = (i + 1) & mask;
        }
        slots[i] = id;
    }

    private void grow()
    {
        final int capacity = records.length * 2;
        records = Arrays.copyOf(records, capacity);
        for (int i = size; i < capacity; i++)
        {
            records[i] = new MarketRecord();
        }
        slots = new int[capacity * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        for (int id = 0; id < size; id++)
        {
            insert(id);
        }
    }

    private static int hash(final byte[] ticker, final long closeNs)
    {
        long h = closeNs * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < MarketRecord.TICKER_BYTES; i++)
        {
            final byte b = ticker[i];
            if (b == 0)
            {
                break;
            }
            h = (h ^ b) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int)(h ^ (h >>> 32));
    }
}
