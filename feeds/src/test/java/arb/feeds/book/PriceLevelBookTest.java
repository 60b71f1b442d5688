package arb.feeds.book;

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
