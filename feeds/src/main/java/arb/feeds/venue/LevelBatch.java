package arb.feeds.venue;

import java.util.Arrays;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;

/**
 * Scratch storage for the price levels of one frame, filled while the frame is scanned and read
 * back only once the whole frame has validated: side, price and quantity in parallel primitive
 * arrays. Preallocated for the largest frame a venue is known to send; if a frame is larger the
 * arrays double once and stay, so steady state allocates nothing. It also reads the level shapes
 * several venues share ({@link #readPairs}, {@link #readPriceQty}), so each decoder reads its levels
 * with the same code and the same validity rule.
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

    /**
     * Reads {@code [[price, qty], ...]} (numbers or strings; further elements of a level are
     * ignored) for one side, adding each valid level. Returns false when any level had a price that
     * is not positive or a quantity absent or negative (the valid ones are still added). A value
     * that is not an array fails the scanner, which the caller sees at the end of the frame.
     */
    boolean readPairs(final JsonScanner json, final boolean bid)
    {
        if (!json.beginArray())
        {
            return true;
        }
        boolean valid = true;
        while (json.nextElement())
        {
            if (!json.beginArray())
            {
                return valid;
            }
            valid &= readPriceQty(json, bid, true);
        }
        return valid;
    }

    /**
     * Reads the price and quantity elements of a level array - the next two elements; any further
     * ones are skipped up to the array's end - and adds the level when {@code sideKnown}, its price
     * is positive and its quantity present and not negative. Returns whether it was added.
     */
    boolean readPriceQty(final JsonScanner json, final boolean bid, final boolean sideKnown)
    {
        long p = JsonScanner.INVALID;
        long q = JsonScanner.INVALID;
        if (json.nextElement())
        {
            p = json.readDecimal(Scales.PRICE_DECIMALS);
            if (json.nextElement())
            {
                q = json.readDecimal(Scales.QTY_DECIMALS);
                if (json.nextElement())
                {
                    json.skipValue();
                    json.skipRestOfContainer();
                }
            }
        }
        if (!sideKnown || p <= 0 || q < 0)
        {
            return false;
        }
        add(bid, p, q);
        return true;
    }
}
