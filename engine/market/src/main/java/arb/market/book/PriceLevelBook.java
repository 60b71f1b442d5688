package arb.market.book;

import java.util.Arrays;

/**
 * One venue's price-level order book: price -> aggregate quantity per side, fixed point (price at
 * 1e-8 USD, quantity at 1e-8 BTC). Each side is a sorted array kept so that the best level is at
 * the END (bids ascending, asks descending): updates cluster near the top of the book, so inserts
 * and deletes there shift only a few elements. No allocation after construction unless a side
 * outgrows its capacity (it then doubles once and stays).
 *
 * <p>Whole snapshots (Bitstamp sends its top levels many times a second) can be applied by
 * difference ({@link #beginSnapshot}, {@link #stageLevel}, {@link #endSnapshot}): the levels are
 * staged aside, and when they arrive strictly ordered (best first or worst first, the usual case)
 * they are compared with the book level by level and only the levels that differ are written, in
 * one pass, instead of clearing, appending, sorting and de-duplicating. The book reads exactly as
 * {@link #clear}, {@link #bulkAdd} and {@link #finishBulk} would leave it.
 */
public final class PriceLevelBook
{
    private final Side bids = new Side(true);
    private final Side asks = new Side(false);
    private long lastUpdateNs = Long.MIN_VALUE;

    public PriceLevelBook()
    {
        this(1024);
    }

    public PriceLevelBook(final int initialCapacity)
    {
        bids.ensure(initialCapacity);
        asks.ensure(initialCapacity);
    }

    public void clear()
    {
        bids.size = 0;
        asks.size = 0;
    }

    /** Sets the quantity at a price level; qty 0 removes the level. */
    public void set(final boolean bid, final long price, final long qty)
    {
        (bid ? bids : asks).set(price, qty);
    }

    public void touch(final long nowNs)
    {
        lastUpdateNs = nowNs;
    }

    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    public int depth(final boolean bid)
    {
        return (bid ? bids : asks).size;
    }

    public int bidDepth()
    {
        return bids.size;
    }

    public int askDepth()
    {
        return asks.size;
    }

    /** Price of the level {@code rank} steps from the best (0 = best). */
    public long price(final boolean bid, final int rank)
    {
        final Side s = bid ? bids : asks;
        return s.prices[s.size - 1 - rank];
    }

    /** Quantity of the level {@code rank} steps from the best (0 = best). */
    public long qty(final boolean bid, final int rank)
    {
        final Side s = bid ? bids : asks;
        return s.qtys[s.size - 1 - rank];
    }

    /**
     * The side's prices as stored, for readers that walk many levels (the index's consolidation):
     * levels occupy indexes [0, depth) with the best at {@code depth - 1} and the worst at 0. The
     * array is the book's own, read-only for callers, and valid only until the book next changes
     * (a level change may move levels or replace the array).
     */
    public long[] levelPrices(final boolean bid)
    {
        return (bid ? bids : asks).prices;
    }

    /** The side's quantities as stored, index for index with {@link #levelPrices}; same rules. */
    public long[] levelQtys(final boolean bid)
    {
        return (bid ? bids : asks).qtys;
    }

    /** Quantity at an exact price, 0 if absent. */
    public long qtyAt(final boolean bid, final long price)
    {
        final Side s = bid ? bids : asks;
        final int i = s.find(price);
        return i >= 0 ? s.qtys[i] : 0;
    }

    public long bestBid()
    {
        return bids.size == 0 ? Long.MIN_VALUE : bids.prices[bids.size - 1];
    }

    public long bestAsk()
    {
        return asks.size == 0 ? Long.MIN_VALUE : asks.prices[asks.size - 1];
    }

    public long bestBidQty()
    {
        return bids.size == 0 ? 0 : bids.qtys[bids.size - 1];
    }

    public long bestAskQty()
    {
        return asks.size == 0 ? 0 : asks.qtys[asks.size - 1];
    }

    public boolean isCrossed()
    {
        return bids.size > 0 && asks.size > 0 && bestBid() >= bestAsk();
    }

    public boolean isTwoSided()
    {
        return bids.size > 0 && asks.size > 0;
    }

    /**
     * Appends a level without keeping the side sorted: for loading a snapshot, which arrives in any
     * order (usually best first, the worst case for sorted inserts: a 46k-level Coinbase snapshot
     * would shift the array ~10^9 times). Call {@link #finishBulk()} before reading the book.
     * Zero quantities are ignored; for a price given twice the last quantity wins, except when the
     * whole input is ordered best first, where the sort's reversal lets the first win (kept as it
     * has always been, so journals replay identically; venues do not repeat a price in a snapshot).
     */
    public void bulkAdd(final boolean bid, final long price, final long qty)
    {
        if (qty != 0)
        {
            (bid ? bids : asks).append(price, qty);
        }
    }

    /** Sorts what {@link #bulkAdd} appended (O(n log n), O(n) when already in either order). */
    public void finishBulk()
    {
        bids.sortAndDedupe();
        asks.sortAndDedupe();
    }

    /**
     * Starts a whole snapshot applied by difference: the book keeps its levels (and reads as before)
     * until {@link #endSnapshot}; levels go to {@link #stageLevel}.
     */
    public void beginSnapshot()
    {
        bids.stagedSize = 0;
        asks.stagedSize = 0;
    }

    /**
     * Stages one snapshot level: as {@link #bulkAdd} (zero quantities ignored, the same rule for a
     * price given twice).
     */
    public void stageLevel(final boolean bid, final long price, final long qty)
    {
        if (qty != 0)
        {
            (bid ? bids : asks).stage(price, qty);
        }
    }

    /** Levels staged on a side since {@link #beginSnapshot} (what {@link #depth} is during a bulk load). */
    public int stagedDepth(final boolean bid)
    {
        return (bid ? bids : asks).stagedSize;
    }

    /**
     * Makes the staged snapshot the book's content, writing only the levels that differ.
     *
     * @return how many level entries (price or quantity at a position) were written: 0 when the
     *         snapshot repeated the book exactly
     */
    public int endSnapshot()
    {
        return bids.applyStaged() + asks.applyStaged();
    }

    /** Removes levels beyond {@code depth} from the best on both sides (Kraken's subscribed depth). */
    public void truncate(final int depth)
    {
        bids.truncate(depth);
        asks.truncate(depth);
    }

    /** Copies another book's levels into this one (same capacity growth rules). */
    public void copyFrom(final PriceLevelBook other)
    {
        bids.copyFrom(other.bids);
        asks.copyFrom(other.asks);
        lastUpdateNs = other.lastUpdateNs;
    }

    /** True when both books hold exactly the same levels. */
    public boolean sameLevels(final PriceLevelBook other)
    {
        return bids.sameAs(other.bids) && asks.sameAs(other.asks);
    }

    @Override
    public String toString()
    {
        return "PriceLevelBook{bids=" + bids.size + ", asks=" + asks.size + ", bestBid=" + bestBid()
            + ", bestAsk=" + bestAsk() + "}";
    }

    private static final class Side
    {
        /** Best levels compared one by one before searching the rest. */
        private static final int BEST_END_SCAN = 8;
        /** Worst levels (after the worst itself) compared one by one before the binary search. */
        private static final int WORST_END_SCAN = 8;

        /** Bids sorted ascending, asks descending: best at the end. */
        private final boolean ascending;
        private long[] prices = new long[0];
        private long[] qtys = new long[0];
        private int size;

        Side(final boolean ascending)
        {
            this.ascending = ascending;
        }

        void ensure(final int capacity)
        {
            if (prices.length < capacity)
            {
                prices = Arrays.copyOf(prices, capacity);
                qtys = Arrays.copyOf(qtys, capacity);
            }
        }

        /**
         * Index of price, or -(insertionPoint + 1). Searches from the best end first: most level
         * changes touch the few best levels (kept at the end of the arrays), and most of the rest
         * the worst end, where levels enter and leave a depth-limited book; only the middle pays
         * for a binary search (whose branches mispredict on every step).
         */
        int find(final long price)
        {
            final int n = size;
            final int stop = Math.max(0, n - BEST_END_SCAN);
            for (int i = n - 1; i >= stop; i--)
            {
                final long p = prices[i];
                if (p == price)
                {
                    return i;
                }
                if (ascending ? p < price : p > price)
                {
                    return -(i + 2); // price belongs right after i, nearer the best
                }
            }
            if (stop == 0)
            {
                return -1; // beyond the worst level of a short side
            }
            final long worst = prices[0];
            if (worst == price)
            {
                return 0;
            }
            if (ascending ? worst > price : worst < price)
            {
                return -1; // beyond the worst level
            }
            final int worstStop = Math.min(stop, 1 + WORST_END_SCAN);
            for (int i = 1; i < worstStop; i++)
            {
                final long p = prices[i];
                if (p == price)
                {
                    return i;
                }
                if (ascending ? p > price : p < price)
                {
                    return -(i + 1); // price belongs right before i, nearer the worst
                }
            }
            int lo = worstStop;
            int hi = stop - 1;
            while (lo <= hi)
            {
                final int mid = (lo + hi) >>> 1;
                final long p = prices[mid];
                if (p == price)
                {
                    return mid;
                }
                if (ascending ? p < price : p > price)
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

        void set(final long price, final long qty)
        {
            final int i = find(price);
            if (i >= 0)
            {
                if (qty == 0)
                {
                    System.arraycopy(prices, i + 1, prices, i, size - i - 1);
                    System.arraycopy(qtys, i + 1, qtys, i, size - i - 1);
                    size--;
                }
                else
                {
                    qtys[i] = qty;
                }
            }
            else if (qty != 0)
            {
                final int at = -(i + 1);
                if (size == prices.length)
                {
                    ensure(Math.max(16, size * 2));
                }
                System.arraycopy(prices, at, prices, at + 1, size - at);
                System.arraycopy(qtys, at, qtys, at + 1, size - at);
                prices[at] = price;
                qtys[at] = qty;
                size++;
            }
        }

        void append(final long price, final long qty)
        {
            if (size == prices.length)
            {
                ensure(Math.max(16, size * 2));
            }
            prices[size] = price;
            qtys[size] = qty;
            size++;
        }

        /** Sorts into this side's order (best at the end) and removes duplicate prices (last wins). */
        void sortAndDedupe()
        {
            if (size < 2)
            {
                return;
            }
            if (isOrdered(true))
            {
                // already in order
            }
            else if (isOrdered(false))
            {
                reverse(0, size - 1);
            }
            else
            {
                // Stable order among equal prices matters for "last wins": tag each entry with its
                // position by sorting indices would allocate, so use a stable merge sort on scratch.
                mergeSort();
            }
            int w = 0;
            for (int r = 0; r < size; r++)
            {
                if (w > 0 && prices[w - 1] == prices[r])
                {
                    qtys[w - 1] = qtys[r];
                }
                else
                {
                    prices[w] = prices[r];
                    qtys[w] = qtys[r];
                    w++;
                }
            }
            size = w;
        }

        private boolean isOrdered(final boolean inSideOrder)
        {
            final boolean asc = inSideOrder == ascending;
            for (int i = 1; i < size; i++)
            {
                if (asc ? prices[i] < prices[i - 1] : prices[i] > prices[i - 1])
                {
                    return false;
                }
            }
            return true;
        }

        private void reverse(final int from, final int to)
        {
            for (int i = from, j = to; i < j; i++, j--)
            {
                final long p = prices[i];
                prices[i] = prices[j];
                prices[j] = p;
                final long q = qtys[i];
                qtys[i] = qtys[j];
                qtys[j] = q;
            }
        }

        private long[] scratchPrices = new long[0];
        private long[] scratchQtys = new long[0];
        /** A snapshot being staged (arrival order) until {@link #applyStaged}. */
        private long[] stagedPrices = new long[0];
        private long[] stagedQtys = new long[0];
        private int stagedSize;

        void stage(final long price, final long qty)
        {
            if (stagedSize == stagedPrices.length)
            {
                final int grown = Math.max(16, Math.max(prices.length, 2 * stagedSize));
                stagedPrices = Arrays.copyOf(stagedPrices, grown);
                stagedQtys = Arrays.copyOf(stagedQtys, grown);
            }
            stagedPrices[stagedSize] = price;
            stagedQtys[stagedSize] = qty;
            stagedSize++;
        }

        /**
         * Replaces the side's levels with the staged ones. Strictly ordered staging (best first or
         * worst first, so no duplicate prices) is compared position by position with the current
         * levels and only differing entries are written; anything else takes the bulk path
         * (append, sort, de-duplicate), whose result is the same.
         */
        int applyStaged()
        {
            final int staged = stagedSize;
            stagedSize = 0;
            int order = strictOrder(stagedPrices, staged);
            int n = staged;
            if (order == 0)
            {
                // Duplicates or no order: sort and de-duplicate the staged levels exactly as the bulk
                // path would (the same code, run on the staged arrays), then compare as usual.
                n = sortStaged(n);
                order = 1;
            }
            final long[] sp = stagedPrices;
            final long[] sq = stagedQtys;
            ensure(n);
            final long[] p = prices;
            final long[] q = qtys;
            int written = 0;
            if (order > 0)
            {
                // Already in the side's order (worst first): position i is staged i.
                for (int i = 0; i < n; i++)
                {
                    if (p[i] != sp[i] || q[i] != sq[i] || i >= size)
                    {
                        p[i] = sp[i];
                        q[i] = sq[i];
                        written++;
                    }
                }
            }
            else
            {
                // Best first, as venues send them: the best goes to the end.
                for (int i = 0, j = n - 1; i < n; i++, j--)
                {
                    if (p[j] != sp[i] || q[j] != sq[i] || j >= size)
                    {
                        p[j] = sp[i];
                        q[j] = sq[i];
                        written++;
                    }
                }
            }
            size = n;
            return written;
        }

        /** Sorts and de-duplicates the staged levels in place with the bulk path's code; returns their count. */
        private int sortStaged(final int n)
        {
            final long[] livePrices = prices;
            final long[] liveQtys = qtys;
            final int liveSize = size;
            prices = stagedPrices;
            qtys = stagedQtys;
            size = n;
            sortAndDedupe();
            final int sorted = size;
            stagedPrices = prices;
            stagedQtys = qtys;
            prices = livePrices;
            qtys = liveQtys;
            size = liveSize;
            return sorted;
        }

        /**
         * 1 when the first n staged prices are strictly in this side's order (worst first), -1 when
         * strictly in the opposite order (best first), 0 otherwise (including duplicates); a side of
         * fewer than two levels counts as best first.
         */
        private int strictOrder(final long[] sp, final int n)
        {
            if (n < 2)
            {
                return -1;
            }
            final boolean up = sp[1] > sp[0];
            for (int i = 1; i < n; i++)
            {
                if (up ? sp[i] <= sp[i - 1] : sp[i] >= sp[i - 1])
                {
                    return 0;
                }
            }
            return up == ascending ? 1 : -1;
        }

        private void mergeSort()
        {
            if (scratchPrices.length < size)
            {
                scratchPrices = new long[prices.length];
                scratchQtys = new long[prices.length];
            }
            for (int width = 1; width < size; width *= 2)
            {
                for (int lo = 0; lo < size; lo += 2 * width)
                {
                    final int mid = Math.min(lo + width, size);
                    final int hi = Math.min(lo + 2 * width, size);
                    int i = lo;
                    int j = mid;
                    int k = lo;
                    while (i < mid && j < hi)
                    {
                        final boolean takeLeft = ascending ? prices[i] <= prices[j] : prices[i] >= prices[j];
                        if (takeLeft)
                        {
                            scratchPrices[k] = prices[i];
                            scratchQtys[k++] = qtys[i++];
                        }
                        else
                        {
                            scratchPrices[k] = prices[j];
                            scratchQtys[k++] = qtys[j++];
                        }
                    }
                    while (i < mid)
                    {
                        scratchPrices[k] = prices[i];
                        scratchQtys[k++] = qtys[i++];
                    }
                    while (j < hi)
                    {
                        scratchPrices[k] = prices[j];
                        scratchQtys[k++] = qtys[j++];
                    }
                }
                System.arraycopy(scratchPrices, 0, prices, 0, size);
                System.arraycopy(scratchQtys, 0, qtys, 0, size);
            }
        }

        void truncate(final int depth)
        {
            if (size > depth)
            {
                final int drop = size - depth;
                System.arraycopy(prices, drop, prices, 0, depth);
                System.arraycopy(qtys, drop, qtys, 0, depth);
                size = depth;
            }
        }

        void copyFrom(final Side other)
        {
            ensure(other.size);
            System.arraycopy(other.prices, 0, prices, 0, other.size);
            System.arraycopy(other.qtys, 0, qtys, 0, other.size);
            size = other.size;
        }

        boolean sameAs(final Side other)
        {
            return size == other.size
                && Arrays.equals(prices, 0, size, other.prices, 0, size)
                && Arrays.equals(qtys, 0, size, other.qtys, 0, size);
        }
    }
}
