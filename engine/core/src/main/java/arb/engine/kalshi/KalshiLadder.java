package arb.engine.kalshi;

import java.util.Arrays;

/**
 * One side of a Kalshi book: the bids for YES or for NO, price (1e-4 $) to quantity (1e-2
 * contracts), sorted ascending so the best (highest) bid is LAST, as Kalshi lists them. Changes
 * cluster at the top, so inserts and removals there move few elements. Preallocated; grows (once,
 * doubling) only if a ladder outgrows its capacity.
 */
final class KalshiLadder
{
    private long[] prices;
    private long[] qtys;
    private int size;

    KalshiLadder(final int capacity)
    {
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

    /** Price of the level {@code rank} steps below the best (0 = best). */
    long price(final int rank)
    {
        return prices[size - 1 - rank];
    }

    long qty(final int rank)
    {
        return qtys[size - 1 - rank];
    }

    /** Quantity at an exact price, 0 when absent. */
    long qtyAt(final long price)
    {
        final int i = find(price);
        return i >= 0 ? qtys[i] : 0;
    }

    /** Sets the quantity at a price; 0 or less removes the level. */
    void set(final long price, final long qty)
    {
        final int i = find(price);
        if (i >= 0)
        {
            if (qty <= 0)
            {
                remove(i);
            }
            else
            {
                qtys[i] = qty;
            }
        }
        else if (qty > 0)
        {
            insert(-(i + 1), price, qty);
        }
    }

    /**
     * Adds a signed change to the quantity at a price.
     *
     * @return the new quantity; negative means the change removed more than the level held (the
     *     book is out of step with the venue), in which case the level is removed
     */
    long add(final long price, final long delta)
    {
        final int i = find(price);
        if (i >= 0)
        {
            final long q = qtys[i] + delta;
            if (q <= 0)
            {
                remove(i);
            }
            else
            {
                qtys[i] = q;
            }
            return q;
        }
        if (delta > 0)
        {
            insert(-(i + 1), price, delta);
        }
        return delta;
    }

    private void insert(final int at, final long price, final long qty)
    {
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, Math.max(16, size * 2));
            qtys = Arrays.copyOf(qtys, prices.length);
        }
        System.arraycopy(prices, at, prices, at + 1, size - at);
        System.arraycopy(qtys, at, qtys, at + 1, size - at);
        prices[at] = price;
        qtys[at] = qty;
        size++;
    }

    private void remove(final int i)
    {
        System.arraycopy(prices, i + 1, prices, i, size - i - 1);
        System.arraycopy(qtys, i + 1, qtys, i, size - i - 1);
        size--;
    }

    /** Index of the price, or -(insertion point + 1). */
    private int find(final long price)
    {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            final long p = prices[mid];
            if (p == price)
            {
                return mid;
            }
            if (p < price)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }
}
