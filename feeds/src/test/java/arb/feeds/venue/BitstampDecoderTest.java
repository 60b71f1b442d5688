package arb.feeds.venue;

import static arb.feeds.venue.Frames.feed;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import arb.feeds.FrameResult;
import arb.journal.Events;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

class BitstampDecoderTest
{
    private final RecordingSink sink = new RecordingSink();
    private final BitstampDecoder decoder = new BitstampDecoder(sink);

    /** A full top-100 book in the documented order_book shape. */
    static String orderBook(final int levelsPerSide, final long bestBidCents)
    {
        final StringBuilder sb = new StringBuilder("{\"data\":{\"timestamp\":\"1641343691\",\"microtimestamp\":"
            + "\"1641343691244908\",\"bids\":[");
        for (int i = 0; i < levelsPerSide; i++)
        {
            sb.append(i == 0 ? "" : ",").append("[\"").append(Scales.format(bestBidCents - i * 7L, 2)).append("\",\"")
                .append(Scales.format(1_000_000L + i, 8)).append("\"]");
        }
        sb.append("],\"asks\":[");
        for (int i = 0; i < levelsPerSide; i++)
        {
            sb.append(i == 0 ? "" : ",").append("[\"").append(Scales.format(bestBidCents + 1 + i * 5L, 2)).append("\",\"")
                .append(Scales.format(2_000_000L + i, 8)).append("\"]");
        }
        return sb.append("]},\"channel\":\"order_book_btcusd\",\"event\":\"data\"}").toString();
    }

    static String trade(final int type)
    {
        return "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":98000129,\"amount\":0.02834,"
            + "\"amount_str\":\"0.02834000\",\"price\":8304.47,\"price_str\":\"8304.47\",\"type\":" + type
            + ",\"timestamp\":\"1569888000\",\"microtimestamp\":\"1569888000557673\",\"buy_order_id\":4173504870,"
            + "\"sell_order_id\":4173504860}}";
    }

    @Test
    void everyOrderBookMessageIsAFullSnapshotInParts()
    {
        assertThat(feed(decoder, orderBook(100, 6_500_000))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(3); // 200 levels in parts of 96
        final BookSnapshotDecoder first = sink.snapshot(0);
        assertThat(first.venue()).isEqualTo(Venue.BITSTAMP);
        assertThat(first.quote()).isEqualTo(Quote.USD);
        assertThat(first.venueNs()).isEqualTo(1_641_343_691_244_908_000L);
        assertThat(first.parts().first()).isTrue();
        assertThat(first.parts().last()).isFalse();
        assertThat(sink.snapshot(2).parts().last()).isTrue();
        assertThat(sink.snapshot(2).levels().count()).isEqualTo(200 - 2 * Events.MAX_LEVELS);
        assertThat(decoder.book().bestBid()).isEqualTo(6_500_000_000_000L);
        assertThat(decoder.book().bestAsk()).isEqualTo(6_500_001_000_000L);
        assertThat(decoder.book().bidDepth()).isEqualTo(100);

        // the next message replaces the book entirely
        assertThat(feed(decoder, orderBook(40, 6_400_000))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().bidDepth()).isEqualTo(40);
        assertThat(decoder.book().bestBid()).isEqualTo(6_400_000_000_000L);
        assertThat(BookReplay.of(sink).sameLevels(decoder.book())).isTrue();
    }

    @Test
    void tradesPreferTheExactStrings()
    {
        assertThat(feed(decoder, trade(0))).isEqualTo(FrameResult.DATA);
        final TradeDecoder t = sink.trade(0);
        assertThat(t.venue()).isEqualTo(Venue.BITSTAMP);
        assertThat(t.aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(t.price()).isEqualTo(830_447_000_000L);
        assertThat(t.size()).isEqualTo(2_834_000L);
        assertThat(t.tradeId()).isEqualTo(98_000_129L);
        assertThat(t.venueNs()).isEqualTo(1_569_888_000_557_673_000L);
        assertThat(feed(decoder, trade(1))).isEqualTo(FrameResult.DATA);
        assertThat(sink.trade(1).aggressor()).isEqualTo(Aggressor.SELL);

        // a float that is not exactly the string: the string wins
        final String skewed = trade(0).replace("\"price\":8304.47", "\"price\":8304.469999999999");
        feed(decoder, skewed);
        assertThat(sink.trade(2).price()).isEqualTo(830_447_000_000L);
        // without strings, the numbers are used
        final String numbersOnly = trade(0).replace("\"amount_str\":\"0.02834000\",", "").replace("\"price_str\":\"8304.47\",", "");
        feed(decoder, numbersOnly);
        assertThat(sink.trade(3).price()).isEqualTo(830_447_000_000L);
        assertThat(sink.trade(3).size()).isEqualTo(2_834_000L);
    }

    @Test
    void controlMessages()
    {
        assertThat(feed(decoder, "{\"event\":\"bts:subscription_succeeded\",\"channel\":\"order_book_btcusd\",\"data\":{}}"))
            .isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(feed(decoder, "{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}"))
            .isEqualTo(FrameResult.RECONNECT_REQUESTED);
        assertThat(decoder.reconnectRequests()).isEqualTo(1);
        assertThat(feed(decoder, "{\"event\":\"bts:error\",\"channel\":\"\",\"data\":{\"code\":null,"
            + "\"message\":\"Bad subscription string.\"}}")).isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("Bad subscription string.");
        assertThat(feed(decoder, "{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, orderBook(3, 100_000).replace("order_book_btcusd", "order_book_ethusd")))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, trade(0).replace("live_trades_btcusd", "live_trades_ethusd")))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.subscribeMessages()).containsExactly(
            "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"order_book_btcusd\"}}",
            "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_btcusd\"}}");
        assertThat(decoder.heartbeatMessage()).isEqualTo("{\"event\":\"bts:heartbeat\"}");
    }

    @Test
    void crossedBookIsRejectedAndTheNextOneHeals()
    {
        final String crossed = "{\"event\":\"data\",\"channel\":\"order_book_btcusd\",\"data\":{\"microtimestamp\":"
            + "\"1641343691244908\",\"bids\":[[\"65001.00\",\"1\"]],\"asks\":[[\"65000.00\",\"1\"]]}}";
        assertThat(feed(decoder, crossed)).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(feed(decoder, orderBook(5, 6_500_000))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.isBookValid()).isTrue();
    }

    @Test
    void badFramesPublishNothing()
    {
        for (final byte[] garbage : Frames.garbage(3))
        {
            assertThat(Frames.feedExact(decoder, garbage, garbage.length)).isIn(FrameResult.BAD_FRAME, FrameResult.IGNORED);
        }
        final byte[] frame = orderBook(5, 6_500_000).getBytes(UTF_8);
        for (int len = 0; len < frame.length; len++)
        {
            assertThat(Frames.feedExact(decoder, frame, len)).as("prefix %d", len).isEqualTo(FrameResult.BAD_FRAME);
        }
        for (final String bad : new String[] {
            orderBook(2, 6_500_000).replace("[\"65000.00\",", "[\"abc\","),
            orderBook(2, 6_500_000).replace("[\"65000.00\",\"0.01000000\"]", "[\"65000.00\"]"),
            orderBook(2, 6_500_000).replace("[\"65000.00\",\"0.01000000\"]", "\"65000.00\""),
            trade(2),
            trade(0).replace("\"8304.47\"", "\"-1\"").replace("8304.47", "-1"),
            "{\"channel\":\"live_trades_btcusd\",\"data\":{}}",
        })
        {
            assertThat(feed(decoder, bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
        assertThat(decoder.unexpectedFailures()).isZero();
        assertThat(decoder.counters().badFrames()).isGreaterThan(300);
    }

    @Test
    void extraElementsInALevelAreIgnored()
    {
        final String withIds = "{\"event\":\"data\",\"channel\":\"order_book_btcusd\",\"data\":{\"bids\":"
            + "[[\"65000.00\",\"1.5\",\"1443875737346049\",{\"x\":[1]}]],\"asks\":[[\"65000.01\",\"2\",\"7\"]]}}";
        assertThat(feed(decoder, withIds)).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().bestBidQty()).isEqualTo(150_000_000L);
        assertThat(sink.snapshot(0).venueNs()).isEqualTo(BookSnapshotDecoder.venueNsNullValue());
    }

    /** Real Bitstamp frames (2022, ethusd and others) decode; the real btcusd trade maps as documented. */
    @Test
    void realFrames() throws Exception
    {
        final Path capture = SharedData.require("venues/reference/bitstamp/cryptofeed_BITSTAMP.ws.1.0");
        final BitstampDecoder eth = new BitstampDecoder(sink, "ethusd", Quote.USD, SpotFeedDecoder.DEFAULT_MAX_FRAME_BYTES);
        int subscribed = 0;
        for (final String line : Files.readAllLines(capture, UTF_8))
        {
            final int colon = line.indexOf(": {");
            if (line.startsWith("wss") || colon < 0)
            {
                continue;
            }
            final int r = feed(eth, line.substring(colon + 2));
            assertThat(r).as(line).isIn(FrameResult.DATA, FrameResult.IGNORED, FrameResult.SUBSCRIBED);
            subscribed += r == FrameResult.SUBSCRIBED ? 1 : 0;
        }
        assertThat(subscribed).isEqualTo(20);
        assertThat(eth.counters().dataFrames()).isPositive(); // the live_trades_ethusd trades
        assertThat(sink.count(TradeDecoder.TEMPLATE_ID)).isEqualTo(eth.counters().dataFrames());

        final Path tardis = SharedData.require("venues/reference/bitstamp/tardis_fixtures/tardis-node_mappers_bitstamp_btcusd.jsonl");
        sink.clear();
        assertThat(feed(decoder, Files.readAllLines(tardis, UTF_8).get(0))).isEqualTo(FrameResult.DATA);
        assertThat(sink.trade(0).price()).isEqualTo(830_447_000_000L);
        assertThat(sink.trade(0).aggressor()).isEqualTo(Aggressor.BUY);
    }
}
