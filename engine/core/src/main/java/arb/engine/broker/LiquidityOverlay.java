package arb.engine.broker;

import java.util.Arrays;

import arb.engine.kalshi.KalshiLadders;
import arb.sbe.ContractSide;

/**
 * The liquidity paper orders have taken from one market's book. Paper fills do not reach Kalshi, so
 * the book keeps showing what an order took; without this a second order (or strategy) would fill
 * against the same contracts again. A consumed level stays reduced until Kalshi's own book shows
 * that level changed: a different quantity than the fill saw, or the level gone. A snapshot that
 * repeats the level as it was (a REST poll a second later) does not bring the contracts back,
 * so under 1 Hz polling one strategy's fill is not offered to the next. Small, allocation-free
 * after warm-up.
 */
final class LiquidityOverlay
{
    private byte[] sides = new byte[16];
    private long[] prices = new long[16];
    private long[] levelQtys = new long[16];
    private long[] consumed = new long[16];
    private int size;

    void clear()
    {
        size = 0;
    }

    int size()
    {
        return size;
    }

    /** Quantity still available at a level the book shows with {@code levelQty}. */
    long available(final ContractSide side, final long price, final long levelQty)
    {
        final int i = find(side, price);
        if (i < 0)
        {
            return levelQty;
        }
        if (levelQtys[i] != levelQty)
        {
            remove(i); // the venue updated this level: its new quantity is the truth again
            return levelQty;
        }
        final long left = levelQty - consumed[i];
        return left > 0 ? left : 0;
    }

    /** {@link #available} without forgetting a level the venue has since updated (a query, not a fill). */
    long peekAvailable(final ContractSide side, final long price, final long levelQty)
    {
        final int i = find(side, price);
        if (i < 0 || levelQtys[i] != levelQty)
        {
            return levelQty;
        }
        final long left = levelQty - consumed[i];
        return left > 0 ? left : 0;
    }

    /**
     * The market's book changed (delta or whole snapshot): forgets every consumed level the book no
     * longer shows with the quantity the fill saw.
     */
    void retainUnchanged(final KalshiLadders book)
    {
        for (int i = size - 1; i >= 0; i--)
        {
            final ContractSide side = sides[i] == 1 ? ContractSide.YES : ContractSide.NO;
            if (levelQty(book, side, prices[i]) != levelQtys[i])
            {
                remove(i);
            }
        }
    }

    /** Quantity the book shows at a bid price of a side, 0 when it has no such level. */
    private static long levelQty(final KalshiLadders book, final ContractSide side, final long price)
    {
        final int levels = book.bidLevels(side);
        for (int rank = 0; rank < levels; rank++)
        {
            if (book.bidPrice(side, rank) == price)
            {
                return book.bidQty(side, rank);
            }
        }
        return 0;
    }

    /** Records that {@code qty} was taken at a level the book showed with {@code levelQty}. */
    void consume(final ContractSide side, final long price, final long levelQty, final long qty)
    {
        int i = find(side, price);
        if (i < 0)
        {
            if (size == prices.length)
            {
                final int capacity = size * 2;
                sides = Arrays.copyOf(sides, capacity);
                prices = Arrays.copyOf(prices, capacity);
                levelQtys = Arrays.copyOf(levelQtys, capacity);
                consumed = Arrays.copyOf(consumed, capacity);
            }
            i = size++;
            sides[i] = code(side);
            prices[i] = price;
            consumed[i] = 0;
        }
        levelQtys[i] = levelQty;
        consumed[i] += qty;
    }

    private int find(final ContractSide side, final long price)
    {
        final byte s = code(side);
        for (int i = 0; i < size; i++)
        {
            if (prices[i] == price && sides[i] == s)
            {
                return i;
            }
        }
        return -1;
    }

    private void remove(final int i)
    {
        final int last = size - 1;
        sides[i] = sides[last];
        prices[i] = prices[last];
        levelQtys[i] = levelQtys[last];
        consumed[i] = consumed[last];
        size = last;
    }

    private static byte code(final ContractSide side)
    {
        return side == ContractSide.YES ? (byte)1 : (byte)2;
    }
}
