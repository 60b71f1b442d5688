package arb.market.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PriceLevelBookTest
{
    @Test
    void randomUpdatesMatchASortedMapReference()
    {
        final Random random = new Random(1);
        final PriceLevelBook book = new PriceLevelBook(4);
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < 200_000; i++)
        {
            final boolean bid = random.nextBoolean();
            final long price = (bid ? 9_000 : 10_001) + (bid ? -1 : 1) * random.nextInt(500);
            final long qty = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1000);
            book.set(bid, price, qty);
            final TreeMap<Long, Long> ref = bid ? bids : asks;
            if (qty == 0)
            {
                ref.remove(price);
            }
            else
            {
                ref.put(price, qty);
            }
            if (i % 1000 == 0)
            {
                assertSame(book, bids, asks);
            }
        }
        assertSame(book, bids, asks);
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void findsEveryPriceOnSidesOfEverySizeAroundTheScanWindows()
    {
        // Sizes below, at and beyond the best- and worst-end scan windows; every price at, between and beyond
        // the levels, looked up and then inserted or deleted on a copy, against a sorted map.
        for (int levels = 0; levels <= 60; levels++)
        {
            final PriceLevelBook book = new PriceLevelBook(4);
            final TreeMap<Long, Long> bids = new TreeMap<>();
            final TreeMap<Long, Long> asks = new TreeMap<>();
            for (int i = 0; i < levels; i++)
            {
                book.set(true, 1_000 - 2L * i, 10 + i);
                bids.put(1_000 - 2L * i, 10L + i);
                book.set(false, 1_002 + 2L * i, 20 + i);
                asks.put(1_002 + 2L * i, 20L + i);
            }
            for (long price = 1_000 - 2L * levels - 3; price <= 1_002 + 2L * levels + 3; price++)
            {
                assertThat(book.qtyAt(true, price)).as("bid %d of %d levels", price, levels)
                    .isEqualTo(bids.getOrDefault(price, 0L));
                assertThat(book.qtyAt(false, price)).as("ask %d of %d levels", price, levels)
                    .isEqualTo(asks.getOrDefault(price, 0L));
                for (final boolean bid : new boolean[] {true, false})
                {
                    final TreeMap<Long, Long> ref = new TreeMap<>(bid ? bids : asks);
                    final PriceLevelBook copy = new PriceLevelBook(4);
                    copy.copyFrom(book);
                    final long qty = ref.containsKey(price) ? 0 : 7;
                    copy.set(bid, price, qty);
                    if (qty == 0)
                    {
                        ref.remove(price);
                    }
                    else
                    {
                        ref.put(price, qty);
                    }
                    assertSame(copy, bid ? ref : bids, bid ? asks : ref);
                }
            }
        }
    }

    @Test
    void bulkLoadSortsAnyOrderAndLastDuplicateWins()
    {
        final Random random = new Random(2);
        for (final String order : new String[] {"best-first", "worst-first", "random"})
        {
            final PriceLevelBook book = new PriceLevelBook(4);
            final TreeMap<Long, Long> bids = new TreeMap<>();
            final TreeMap<Long, Long> asks = new TreeMap<>();
            final int n = 50_000;
            for (int i = 0; i < n; i++)
            {
                final int k = order.equals("best-first") ? i : order.equals("worst-first") ? n - i : random.nextInt(n);
                book.bulkAdd(true, 1_000_000 - k, 1 + i);
                bids.put(1_000_000L - k, 1L + i);
                book.bulkAdd(false, 1_000_001 + k, 7 + i);
                asks.put(1_000_001L + k, 7L + i);
            }
            book.finishBulk();
            assertSame(book, bids, asks);
            assertThat(book.bestBid()).isEqualTo(bids.lastKey());
            assertThat(book.bestAsk()).isEqualTo(asks.firstKey());
        }
    }

    @Test
    void truncateKeepsTheBestLevels()
    {
        final PriceLevelBook book = new PriceLevelBook();
        for (int i = 0; i < 20; i++)
        {
            book.set(true, 100 - i, 1);
            book.set(false, 101 + i, 1);
        }
        book.truncate(10);
        assertThat(book.bidDepth()).isEqualTo(10);
        assertThat(book.price(true, 9)).isEqualTo(91);
        assertThat(book.price(false, 9)).isEqualTo(110);
        book.set(true, 101, 5);
        assertThat(book.isCrossed()).isTrue();
    }

    private static void assertSame(final PriceLevelBook book, final TreeMap<Long, Long> bids,
        final TreeMap<Long, Long> asks)
    {
        assertThat(book.bidDepth()).isEqualTo(bids.size());
        assertThat(book.askDepth()).isEqualTo(asks.size());
        int rank = 0;
        for (final Map.Entry<Long, Long> e : bids.descendingMap().entrySet())
        {
            assertThat(book.price(true, rank)).isEqualTo(e.getKey());
            assertThat(book.qty(true, rank++)).isEqualTo(e.getValue());
        }
        rank = 0;
        for (final Map.Entry<Long, Long> e : asks.entrySet())
        {
            assertThat(book.price(false, rank)).isEqualTo(e.getKey());
            assertThat(book.qty(false, rank++)).isEqualTo(e.getValue());
        }
    }
}
