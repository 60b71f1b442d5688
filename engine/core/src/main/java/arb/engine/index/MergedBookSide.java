package arb.engine.index;

import java.util.Arrays;

import arb.market.book.PriceLevelBook;

/**
 * One side of the consolidated book, merged lazily best-price-first from the active venues'
 * books: only as many levels as the cap sample and the grid need are ever merged, so deep
 * books (Coinbase publishes its whole book) cost nothing beyond the useful band. Entries are
 * venue levels; equal prices are ordered by venue id.
 *
 * <p>The merge reads each active book's level arrays directly ({@link PriceLevelBook#levelPrices},
 * best at the end) with a cursor per source, sources held in venue-id order: one pass over at most
 * seven heads per merged level, no per-level calls into the books.
 */
final class MergedBookSide
{
    final boolean isBid;
    /** Head price of a venue with nothing (more) to merge: never better than a real price. */
    final long exhausted;
    private final BrtiVenues venues;
    /** The active sources of this calculation, in venue-id order. */
    private final long[][] srcPrices = new long[BrtiCalculator.MAX_VENUES][];
    private final long[][] srcQtys = new long[BrtiCalculator.MAX_VENUES][];
    /** Index of each source's next level in its arrays (counting down: best at the end); -1 when done. */
    private final int[] cursor = new int[BrtiCalculator.MAX_VENUES];
    private final long[] head = new long[BrtiCalculator.MAX_VENUES];
    private int sources;
    long[] price;
    long[] qty;
    int count;

    MergedBookSide(final boolean isBid, final int capacity, final BrtiVenues venues)
    {
        this.isBid = isBid;
        this.venues = venues;
        exhausted = isBid ? Long.MIN_VALUE : Long.MAX_VALUE;
        price = new long[capacity];
        qty = new long[capacity];
    }

    void reset()
    {
        count = 0;
        int n = 0;
        for (int j = 0; j < venues.count(); j++)
        {
            final int i = venues.slotInVenueIdOrder(j);
            if (!venues.active(i))
            {
                continue;
            }
            final PriceLevelBook book = venues.book(i);
            final int depth = book.depth(isBid);
            if (depth == 0)
            {
                continue;
            }
            srcPrices[n] = book.levelPrices(isBid);
            srcQtys[n] = book.levelQtys(isBid);
            cursor[n] = depth - 1;
            head[n] = srcPrices[n][depth - 1];
            n++;
        }
        for (int k = n; k < sources; k++)
        {
            srcPrices[k] = null; // no reference kept to a book's old arrays
            srcQtys[k] = null;
        }
        sources = n;
    }

    double bestPrice()
    {
        ensure(1);
        return (double)price[0];
    }

    /** Merges until at least {@code n} entries exist; false when the books run out first. */
    boolean ensure(final int n)
    {
        if (count >= n)
        {
            return true;
        }
        if (n > price.length)
        {
            final int grown = Math.max(n, 2 * price.length);
            price = Arrays.copyOf(price, grown);
            qty = Arrays.copyOf(qty, grown);
        }
        return isBid ? mergeBids(n) : mergeAsks(n);
    }

    private boolean mergeBids(final int n)
    {
        final long[] heads = head;
        final int m = sources;
        int c = count;
        while (c < n)
        {
            // Sources are in venue-id order and only a strictly better head replaces the pick, so
            // equal prices come out by venue id.
            int best = -1;
            long bestPrice = Long.MIN_VALUE;
            for (int k = 0; k < m; k++)
            {
                final long p = heads[k];
                if (p > bestPrice)
                {
                    best = k;
                    bestPrice = p;
                }
            }
            if (best < 0)
            {
                count = c;
                return false;
            }
            take(best, c);
            c++;
        }
        count = c;
        return true;
    }

    private boolean mergeAsks(final int n)
    {
        final long[] heads = head;
        final int m = sources;
        int c = count;
        while (c < n)
        {
            int best = -1;
            long bestPrice = Long.MAX_VALUE;
            for (int k = 0; k < m; k++)
            {
                final long p = heads[k];
                if (p < bestPrice)
                {
                    best = k;
                    bestPrice = p;
                }
            }
            if (best < 0)
            {
                count = c;
                return false;
            }
            take(best, c);
            c++;
        }
        count = c;
        return true;
    }

    /** Moves source {@code k}'s head level to merged entry {@code at} and advances that source. */
    private void take(final int k, final int at)
    {
        final int r = cursor[k];
        price[at] = head[k];
        qty[at] = srcQtys[k][r];
        final int next = r - 1;
        cursor[k] = next;
        head[k] = next >= 0 ? srcPrices[k][next] : exhausted;
    }
}
