package arb.feeds.venue;

import static arb.feeds.venue.Frames.feed;
import static org.assertj.core.api.Assertions.assertThat;

import arb.feeds.FrameResult;
import arb.journal.Events;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

/**
 * Gemini market data v2 frames in the documented shapes (field names and types of Gemini's v2 "Level 2
 * Data" page: {@code l2_updates} with {@code changes} [side, price, quantity] and, on the first one,
 * {@code trades}; {@code trade} with {@code event_id}, {@code timestamp} ms, {@code price},
 * {@code quantity}, {@code side}, {@code tid}; {@code heartbeat}); the values are the project's own.
 */
class GeminiDecoderTest
{
    private final RecordingSink sink = new RecordingSink();
    private final GeminiDecoder decoder = new GeminiDecoder(sink);

    /** The first l2_updates of a subscription: the whole book, bids then asks, and recent trades. */
    static String initial(final int levelsPerSide, final long bestBidCents)
    {
        final StringBuilder sb = new StringBuilder("{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[");
        for (int i = 0; i < levelsPerSide; i++)
        {
            sb.append(i == 0 ? "" : ",").append("[\"buy\",\"").append(Scales.format(bestBidCents - i * 3L, 2)).append("\",\"")
                .append(Scales.format(121_425L + i, 8)).append("\"]");
        }
        for (int i = 0; i < levelsPerSide; i++)
        {
            sb.append(",[\"sell\",\"").append(Scales.format(bestBidCents + 3 + i * 4L, 2)).append("\",\"")
                .append(Scales.format(98_942_292L + i, 8)).append("\"]");
        }
        return sb.append("],\"trades\":[{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":169841458,"
            + "\"timestamp\":1560976400428,\"price\":\"9122.04\",\"quantity\":\"0.0073173\",\"side\":\"sell\","
            + "\"tid\":2840140800042677}]}").toString();
    }

    static String update(final String side, final String price, final String qty)
    {
        return "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"" + side + "\",\"" + price + "\",\"" + qty
            + "\"]]}";
    }

    static String trade(final String side, final long tid)
    {
        return "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":3575573053,\"timestamp\":1733612345678,"
            + "\"price\":\"9004.21000000\",\"quantity\":\"0.09110000\",\"side\":\"" + side + "\",\"tid\":" + tid + "}";
    }

    @Test
    void subscribesToTheL2FeedOfItsSymbol()
    {
        assertThat(decoder.subscribeMessages()).containsExactly(
            "{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":[\"BTCUSD\"]}]}");
        assertThat(decoder.venue()).isEqualTo(Venue.GEMINI);
    }

    @Test
    void theFirstL2UpdatesIsTheWholeBookAndItsTradesAreHistory()
    {
        assertThat(feed(decoder, initial(100, 912_204))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).as("200 levels in parts of 96, no trade events").isEqualTo(3);
        final BookSnapshotDecoder first = sink.snapshot(0);
        assertThat(first.venue()).isEqualTo(Venue.GEMINI);
        assertThat(first.quote()).isEqualTo(Quote.USD);
        assertThat(first.venueNs()).isEqualTo(Scales.NULL);
        assertThat(first.parts().first()).isTrue();
        assertThat(sink.snapshot(2).parts().last()).isTrue();
        assertThat(sink.snapshot(2).levels().count()).isEqualTo(200 - 2 * Events.MAX_LEVELS);
        assertThat(sink.count(TradeDecoder.TEMPLATE_ID)).isZero();
        assertThat(decoder.book().bestBid()).isEqualTo(9_122_04_000_000L);
        assertThat(decoder.book().bestAsk()).isEqualTo(9_122_07_000_000L);
        assertThat(decoder.book().qtyAt(true, 9_122_04_000_000L)).isEqualTo(121_425L);
        assertThat(decoder.book().bidDepth()).isEqualTo(100);
        assertThat(decoder.isBookValid()).isTrue();
    }

    @Test
    void laterL2UpdatesAreLevelChangesAndZeroRemoves()
    {
        feed(decoder, initial(10, 912_204));
        sink.clear();
        // The documented example: digits beyond 1e-8 BTC are truncated toward zero, as for every venue.
        assertThat(feed(decoder, update("sell", "9160.20", "0.1921229751"))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().qtyAt(false, 9_160_20_000_000L)).isEqualTo(19_212_297L);
        sink.clear();
        assertThat(feed(decoder, "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"sell\",\"9160.20\","
            + "\"0.19212297\"],[\"buy\",\"9122.04\",\"0\"]]}")).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(1);
        final BookUpdateDecoder u = sink.update(0);
        assertThat(u.venue()).isEqualTo(Venue.GEMINI);
        final BookUpdateDecoder.LevelsDecoder levels = u.levels();
        assertThat(levels.count()).isEqualTo(2);
        levels.next();
        assertThat(levels.side()).isEqualTo(BookSide.ASK);
        assertThat(levels.price()).isEqualTo(9_160_20_000_000L);
        assertThat(levels.qty()).isEqualTo(19_212_297L);
        levels.next();
        assertThat(levels.side()).isEqualTo(BookSide.BID);
        assertThat(levels.qty()).isZero();
        assertThat(decoder.book().bestBid()).as("the best bid was removed").isEqualTo(9_122_01_000_000L);
        assertThat(decoder.book().qtyAt(false, 9_160_20_000_000L)).isEqualTo(19_212_297L);
    }

    @Test
    void tradesCarryTheTakerSideTheTradeIdAndTheVenueTime()
    {
        assertThat(feed(decoder, trade("buy", 2_840_140_800_042_677L))).isEqualTo(FrameResult.DATA);
        assertThat(feed(decoder, trade("sell", 7))).isEqualTo(FrameResult.DATA);
        final TradeDecoder t = sink.trade(0);
        assertThat(t.venue()).isEqualTo(Venue.GEMINI);
        assertThat(t.aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(t.price()).isEqualTo(9_004_21_000_000L);
        assertThat(t.size()).isEqualTo(9_110_000L);
        assertThat(t.tradeId()).isEqualTo(2_840_140_800_042_677L);
        assertThat(t.venueNs()).isEqualTo(1_733_612_345_678_000_000L);
        assertThat(sink.trade(1).aggressor()).isEqualTo(Aggressor.SELL);
        // without tid, the event id
        sink.clear();
        assertThat(feed(decoder, trade("buy", 1).replace(",\"tid\":1", ""))).isEqualTo(FrameResult.DATA);
        assertThat(sink.trade(0).tradeId()).isEqualTo(3_575_573_053L);
    }

    @Test
    void heartbeatsOtherSymbolsAndOtherMessagesPublishNothing()
    {
        feed(decoder, initial(5, 912_204));
        sink.clear();
        assertThat(feed(decoder, "{\"type\":\"heartbeat\",\"timestamp\":1733612345678}")).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, update("buy", "9000.00", "1").replace("BTCUSD", "ETHUSD"))).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, trade("buy", 1).replace("BTCUSD", "ETHUSD"))).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"type\":\"candles_1m_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[1,2,3,4,5,6]]}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[]}")).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(feed(decoder, "{\"type\":\"error\",\"reason\":\"InvalidJson\",\"message\":\"bad request\"}"))
            .isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("bad request");
        assertThat(decoder.isBookValid()).isTrue();
    }

    @Test
    void aCrossedBookAsksForAResyncAndAReconnectRebuildsIt()
    {
        feed(decoder, initial(5, 912_204));
        sink.clear();
        assertThat(feed(decoder, update("buy", "9200.00", "1"))).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).as("nothing published from a crossed book").isZero();
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(feed(decoder, update("buy", "9100.00", "1"))).as("signalled once").isEqualTo(FrameResult.IGNORED);
        decoder.reset(); // the feed reconnects: the next l2_updates is the whole book again
        assertThat(feed(decoder, initial(5, 912_300))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.isBookValid()).isTrue();
        assertThat(decoder.book().bestBid()).isEqualTo(9_123_00_000_000L);
        // a crossed whole book is refused too
        decoder.reset();
        assertThat(feed(decoder, "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"100.00\",\"1\"],"
            + "[\"sell\",\"99.00\",\"1\"]]}")).isEqualTo(FrameResult.RESYNC_CROSSED);
    }

    @Test
    void lineNoiseIsABadFrameButAGarbledBookMessageDistrustsTheBook()
    {
        feed(decoder, initial(5, 912_204));
        for (final byte[] garbage : Frames.garbage(3))
        {
            assertThat(Frames.feedExact(decoder, garbage, garbage.length)).isIn(FrameResult.BAD_FRAME, FrameResult.IGNORED);
        }
        assertThat(decoder.unexpectedFailures()).isZero();
        assertThat(decoder.isBookValid()).as("noise names no l2_updates: the book stands").isTrue();

        final String good = update("buy", "9122.00", "2");
        assertThat(feed(decoder, good)).isEqualTo(FrameResult.DATA);
        for (final String bad : new String[] {
            update("hold", "9122.00", "2"),
            update("buy", "-1", "2"),
            update("buy", "9122.00", "-2"),
            update("buy", "x", "2"),
            "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"9122.00\"]]}",
            "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":{}}",
        })
        {
            decoder.reset();
            feed(decoder, initial(5, 912_204));
            sink.clear();
            assertThat(feed(decoder, bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
            assertThat(sink.size()).isZero();
            assertThat(feed(decoder, good)).as("after " + bad).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        }
        decoder.reset();
        feed(decoder, initial(5, 912_204));
        final byte[] frame = good.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Frames.feedExact(decoder, frame, frame.length - 3)).isEqualTo(FrameResult.BAD_FRAME);
        assertThat(decoder.isBookValid()).as("a truncated l2_updates may have carried a change").isFalse();

        for (final String bad : new String[] {trade("hold", 1), trade("buy", 1).replace("\"0.09110000\"", "\"0\""),
            "{\"symbol\":\"BTCUSD\"}", "{\"type\":7}"})
        {
            assertThat(feed(decoder, bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
        }
    }
}
