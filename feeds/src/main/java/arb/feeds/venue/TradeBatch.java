package arb.feeds.venue;

import java.util.Arrays;

import arb.sbe.Aggressor;

/**
 * Scratch storage for the trades of one frame, filled while scanning and published only after the
 * whole frame validated. Each trade remembers the index of the venue event that carried it (so a
 * snapshot of recent trades can be told from new trades once the event's type is known, whatever
 * the field order). Grows by doubling if a frame ever carries more trades than preallocated.
 */
final class TradeBatch
{
    static final byte UNKNOWN = 0;
    static final byte BUY = 1;
    static final byte SELL = 2;

    private byte[] aggressors;
    private long[] prices;
    private long[] sizes;
    private long[] ids;
    private long[] times;
    private int[] groups;
    private int size;

    TradeBatch(final int initialCapacity)
    {
        final int capacity = Math.max(4, initialCapacity);
        aggressors = new byte[capacity];
        prices = new long[capacity];
        sizes = new long[capacity];
        ids = new long[capacity];
        times = new long[capacity];
        groups = new int[capacity];
    }

    void clear()
    {
        size = 0;
    }

    int size()
    {
        return size;
    }

    void add(final byte aggressor, final long price, final long qty, final long id, final long venueNs, final int group)
    {
        if (size == prices.length)
        {
            final int capacity = size * 2;
            aggressors = Arrays.copyOf(aggressors, capacity);
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            ids = Arrays.copyOf(ids, capacity);
            times = Arrays.copyOf(times, capacity);
            groups = Arrays.copyOf(groups, capacity);
        }
        aggressors[size] = aggressor;
        prices[size] = price;
        sizes[size] = qty;
        ids[size] = id;
        times[size] = venueNs;
        groups[size] = group;
        size++;
    }

    Aggressor aggressor(final int i)
    {
        switch (aggressors[i])
        {
            case BUY: return Aggressor.BUY;
            case SELL: return Aggressor.SELL;
            default: return Aggressor.UNKNOWN;
        }
    }

    long price(final int i)
    {
        return prices[i];
    }

    long qty(final int i)
    {
        return sizes[i];
    }

    long id(final int i)
    {
        return ids[i];
    }

    long venueNs(final int i)
    {
        return times[i];
    }

    int group(final int i)
    {
        return groups[i];
    }
}
