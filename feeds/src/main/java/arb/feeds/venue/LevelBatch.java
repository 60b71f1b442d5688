package arb.feeds.venue;

import java.util.Arrays;

/**
 * Scratch storage for the price levels of one frame, filled while the frame is scanned and read
 * back only once the whole frame has validated: side, price and quantity in parallel primitive
 * arrays. Preallocated for the largest frame a venue is known to send; if a frame is larger the
 * arrays double once and stay, so steady state allocates nothing.
 */
final class LevelBatch
{
    private boolean[] bids;
    private long[] prices;
    private long[] qtys;
    private int size;

    LevelBatch(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        bids = new boolean[capacity];
        prices = new long[capacity];
        qtys = new long[capacity];
    }

    void clear()
    {
        size = 0;
    }

    int size()
    {
        return size;
    }

    int capacity()
    {
        return prices.length;
    }

    /** Drops levels added after {@code newSize} (e.g. a product filtered out after its levels were read). */
    void truncate(final int newSize)
    {
        if (newSize < size)
        {
            size = newSize;
        }
    }

    void add(final boolean bid, final long price, final long qty)
    {
        if (size == prices.length)
        {
            final int capacity = size * 2;
            bids = Arrays.copyOf(bids, capacity);
            prices = Arrays.copyOf(prices, capacity);
            qtys = Arrays.copyOf(qtys, capacity);
        }
        bids[size] = bid;
        prices[size] = price;
        qtys[size] = qty;
        size++;
    }

    boolean bid(final int i)
    {
        return bids[i];
    }

    long price(final int i)
    {
        return prices[i];
    }

    long qty(final int i)
    {
        return qtys[i];
    }
}
