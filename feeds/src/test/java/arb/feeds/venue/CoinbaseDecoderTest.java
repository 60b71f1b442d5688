package arb.feeds.venue;

import static arb.feeds.venue.Frames.feed;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

class CoinbaseDecoderTest
{
    private static final String T0 = "2026-01-02T03:04:05.123456789Z";
    private static final long T0_NS = 1_767_323_045_123_456_789L;

    private final RecordingSink sink = new RecordingSink();
    private final CoinbaseDecoder decoder = new CoinbaseDecoder(sink);

    static String level(final String side, final String price, final String qty)
    {
        return "{\"side\":\"" + side + "\",\"event_time\":\"2026-01-02T03:04:05.1Z\",\"price_level\":\"" + price
            + "\",\"new_quantity\":\"" + qty + "\"}";
    }

    static String l2(final long seq, final String type, final String... levels)
    {
        return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"type\":\"" + type + "\",\"product_id\":\"BTC-USD\",\"updates\":["
            + String.join(",", levels) + "]}]}";
    }

    static String snapshot(final long seq)
    {
        return l2(seq, "snapshot",
            level("bid", "65086.17", "0.5"), level("bid", "65086.00", "1.25"), level("bid", "65000", "2"),
            level("offer", "65086.18", "0.3"), level("offer", "65087.5", "0.00000011"),
            level("offer", "138991023.41", "0.00000238"));
    }

    static String trades(final long seq, final String type, final String side)
    {
        return "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"type\":\"" + type + "\",\"trades\":[{\"product_id\":\"BTC-USD\",\"trade_id\":\"1068572091\","
            + "\"price\":\"65083.67\",\"size\":\"0.01034361\",\"time\":\"2026-01-02T03:04:05.5Z\",\"side\":\"" + side
            + "\"},{\"product_id\":\"ETH-USD\",\"trade_id\":\"5\",\"price\":\"1919.41\",\"size\":\"1\","
            + "\"time\":\"2026-01-02T03:04:05.5Z\",\"side\":\"BUY\"}]}]}";
    }

    static String ticker(final long seq, final String bid, final String ask)
    {
        return "{\"channel\":\"ticker\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"BTC-USD\","
            + "\"price\":\"65086.18\",\"volume_24_h\":\"2867.5\",\"best_bid\":\"" + bid + "\",\"best_ask\":\"" + ask
            + "\",\"best_bid_quantity\":\"0.20371215\",\"best_ask_quantity\":\"0.24290402\"}]}]}";
    }

    static String heartbeat(final long seq)
    {
        return "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"current_time\":\"2026-01-02 03:04:05.1 +0000 UTC m=+1.5\",\"heartbeat_counter\":41691}]}";
    }

    static String subscriptions(final long seq)
    {
        return "{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"subscriptions\":{\"level2\":[\"BTC-USD\"]}}]}";
    }

    @Test
    void snapshotThenUpdatesBuildTheBookAndPublishIt()
    {
        assertThat(feed(decoder, snapshot(0))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(1);
        final BookSnapshotDecoder s = sink.snapshot(0);
        assertThat(s.venue()).isEqualTo(Venue.COINBASE);
        assertThat(s.quote()).isEqualTo(Quote.USD);
        assertThat(s.recvNs()).isEqualTo(Frames.RECV_NS);
        assertThat(s.venueNs()).isEqualTo(1_767_323_045_100_000_000L); // event_time of the levels
        assertThat(s.seq()).isZero();
        assertThat(s.parts().first()).isTrue();
        assertThat(s.parts().last()).isTrue();
        assertThat(s.levels().count()).isEqualTo(6);
        assertThat(decoder.book().bestBid()).isEqualTo(6_508_617_000_000L);
        assertThat(decoder.book().bestAsk()).isEqualTo(6_508_618_000_000L);
        assertThat(decoder.book().askDepth()).isEqualTo(3);
        assertThat(decoder.book().price(false, 2)).isEqualTo(13_899_102_341_000_000L);

        final int r = feed(decoder, l2(1, "update", level("bid", "65086.17", "0"), level("offer", "65086.18", "0.75"),
            level("bid", "65086.10", "0.01100000")));
        assertThat(r).isEqualTo(FrameResult.DATA);
        final BookUpdateDecoder u = sink.update(1);
        assertThat(u.seq()).isEqualTo(1);
        final BookUpdateDecoder.LevelsDecoder levels = u.levels();
        assertThat(levels.count()).isEqualTo(3);
        levels.next();
        assertThat(levels.side()).isEqualTo(BookSide.BID);
        assertThat(levels.price()).isEqualTo(6_508_617_000_000L);
        assertThat(levels.qty()).isZero();
        levels.next();
        assertThat(levels.side()).isEqualTo(BookSide.ASK);
        assertThat(levels.qty()).isEqualTo(75_000_000L);
        levels.next();
        assertThat(levels.qty()).isEqualTo(1_100_000L);

        assertThat(decoder.book().bestBid()).isEqualTo(6_508_610_000_000L);
        assertThat(BookReplay.of(sink).sameLevels(decoder.book())).isTrue();
        assertThat(decoder.counters().events()).isEqualTo(2);
        assertThat(decoder.counters().dataFrames()).isEqualTo(2);
    }

    @Test
    void tradesMapTheMakerSideToTheTakerAndSkipTheInitialSnapshot()
    {
        assertThat(feed(decoder, trades(0, "snapshot", "SELL"))).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.snapshotTradesSkipped()).isEqualTo(1);

        assertThat(feed(decoder, trades(1, "update", "SELL"))).isEqualTo(FrameResult.DATA);
        assertThat(feed(decoder, trades(2, "update", "BUY"))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2); // ETH-USD filtered out
        final TradeDecoder t = sink.trade(0);
        assertThat(t.venue()).isEqualTo(Venue.COINBASE);
        assertThat(t.aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(t.price()).isEqualTo(6_508_367_000_000L);
        assertThat(t.size()).isEqualTo(1_034_361L);
        assertThat(t.tradeId()).isEqualTo(1_068_572_091L);
        assertThat(t.venueNs()).isEqualTo(1_767_323_045_500_000_000L);
        assertThat(sink.trade(1).aggressor()).isEqualTo(Aggressor.SELL);
    }

    @Test
    void tickerIsTheVenueBboAndIsCheckedAgainstTheBook()
    {
        feed(decoder, snapshot(0));
        assertThat(feed(decoder, ticker(1, "65086.17", "65086.18"))).isEqualTo(FrameResult.DATA);
        final BestBidOfferDecoder b = sink.bbo(1);
        assertThat(b.bidPrice()).isEqualTo(6_508_617_000_000L);
        assertThat(b.bidQty()).isEqualTo(20_371_215L);
        assertThat(b.askPrice()).isEqualTo(6_508_618_000_000L);
        assertThat(b.askQty()).isEqualTo(24_290_402L);
        assertThat(b.venueNs()).isEqualTo(T0_NS);
        assertThat(decoder.tickerBookMismatches()).isZero();
        feed(decoder, ticker(2, "65086.10", "65086.18"));
        assertThat(decoder.tickerBookMismatches()).isEqualTo(1);
    }

    @Test
    void controlMessages()
    {
        assertThat(feed(decoder, subscriptions(0))).isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(feed(decoder, heartbeat(1))).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"type\":\"error\",\"message\":\"failure to subscribe\"}"))
            .isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("failure to subscribe");
        assertThat(feed(decoder, "{\"message\":\"x\",\"type\":\"error\"}")).isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("x");
        assertThat(feed(decoder, "{\"channel\":\"candles\",\"sequence_num\":2,\"events\":[{\"type\":\"snapshot\","
            + "\"candles\":[]}]}")).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().venueErrors()).isEqualTo(2);
        assertThat(decoder.counters().ignoredFrames()).isEqualTo(3);
        assertThat(decoder.sequenceGaps()).isZero();
    }

    @Test
    void fieldOrderDoesNotMatter()
    {
        final String reordered = "{\"events\":[{\"updates\":[{\"new_quantity\":\"0.5\",\"price_level\":\"65086.17\","
            + "\"side\":\"bid\"},{\"price_level\":\"65086.18\",\"side\":\"offer\",\"new_quantity\":\"0.3\"}],"
            + "\"product_id\":\"BTC-USD\",\"type\":\"snapshot\"}],\"sequence_num\":0,\"timestamp\":\"" + T0 + "\","
            + "\"unknown\":{\"nested\":[1,{\"x\":\"y\"}]},\"channel\":\"l2_data\"}";
        assertThat(feed(decoder, reordered)).isEqualTo(FrameResult.DATA);
        final BookSnapshotDecoder s = sink.snapshot(0);
        assertThat(s.levels().count()).isEqualTo(2);
        assertThat(s.venueNs()).isEqualTo(T0_NS); // no event_time: the message timestamp
        assertThat(decoder.book().bestBid()).isEqualTo(6_508_617_000_000L);
        assertThat(decoder.book().bestAsk()).isEqualTo(6_508_618_000_000L);
    }

    @Test
    void sequenceGapInvalidatesTheBookUntilTheNextSnapshot()
    {
        feed(decoder, snapshot(10));
        assertThat(feed(decoder, heartbeat(11))).isEqualTo(FrameResult.IGNORED);
        sink.clear();
        assertThat(feed(decoder, l2(13, "update", level("bid", "65086.10", "1")))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(feed(decoder, l2(14, "update", level("bid", "65086.11", "1")))).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().resyncs()).isEqualTo(1);
        assertThat(decoder.sequenceGaps()).isEqualTo(1);

        assertThat(feed(decoder, snapshot(15))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.isBookValid()).isTrue();
        assertThat(feed(decoder, l2(16, "update", level("bid", "65086.12", "1")))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2);
    }

    @Test
    void gapOnANonBookChannelStillResyncsAValidBook()
    {
        feed(decoder, snapshot(0));
        assertThat(feed(decoder, trades(5, "update", "BUY"))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(sink.size()).isEqualTo(2); // the trade itself is fine and was published
        assertThat(decoder.isBookValid()).isFalse();
    }

    @Test
    void gapBeforeAnyBookIsNotAResyncButAnUpdateWithoutBookIs()
    {
        assertThat(feed(decoder, subscriptions(0))).isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(feed(decoder, heartbeat(3))).isEqualTo(FrameResult.IGNORED);
        // the lost message was the snapshot: the first update notices
        assertThat(feed(decoder, l2(4, "update", level("bid", "1", "1")))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
    }

    @Test
    void resetForgetsSequenceAndBook()
    {
        feed(decoder, snapshot(0));
        decoder.reset();
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(decoder.book().bidDepth()).isZero();
        assertThat(feed(decoder, snapshot(0))).isEqualTo(FrameResult.DATA); // sequence restarts per connection
        assertThat(decoder.sequenceGaps()).isZero();
    }

    @Test
    void crossedBookAfterUpdateResyncsAndPublishesNothing()
    {
        feed(decoder, snapshot(0));
        sink.clear();
        assertThat(feed(decoder, l2(1, "update", level("bid", "65090", "1")))).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(feed(decoder, l2(2, "update", level("bid", "65080", "1")))).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
    }

    @Test
    void snapshotLevelsMayComeInAnyOrderAndTheLastOfADuplicatePriceWins()
    {
        assertThat(feed(decoder, l2(0, "snapshot", level("offer", "65090", "1"), level("bid", "64000", "1"),
            level("bid", "65000", "2"), level("offer", "65086.18", "3"), level("bid", "64500", "0"),
            level("bid", "64900", "4"), level("bid", "65000", "5")))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().bidDepth()).isEqualTo(3);
        assertThat(decoder.book().bestBid()).isEqualTo(6_500_000_000_000L);
        assertThat(decoder.book().bestBidQty()).isEqualTo(500_000_000L);
        assertThat(decoder.book().price(true, 1)).isEqualTo(6_490_000_000_000L);
        assertThat(decoder.book().bestAsk()).isEqualTo(6_508_618_000_000L);
        assertThat(BookReplay.of(sink).sameLevels(decoder.book())).isTrue();
    }

    @Test
    void crossedSnapshotIsRejected()
    {
        assertThat(feed(decoder, l2(0, "snapshot", level("bid", "100", "1"), level("offer", "99", "1"))))
            .isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
    }

    @Test
    void otherProductsAreIgnored()
    {
        final String eth = snapshot(0).replace("BTC-USD", "ETH-USD");
        assertThat(feed(decoder, eth)).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.book().bidDepth()).isZero();
    }

    @Test
    void badFramesAreCountedAndPublishNothing()
    {
        feed(decoder, snapshot(0));
        sink.clear();
        final long badBefore = decoder.counters().badFrames();
        int bad = 0;
        for (final byte[] garbage : Frames.garbage(1))
        {
            final int r = Frames.feedExact(decoder, garbage, garbage.length);
            assertThat(r).isIn(FrameResult.BAD_FRAME, FrameResult.IGNORED, FrameResult.VENUE_ERROR);
            bad += r == FrameResult.BAD_FRAME ? 1 : 0;
        }
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().badFrames() - badBefore).isEqualTo(bad);
        assertThat(bad).isGreaterThan(300);
        assertThat(decoder.unexpectedFailures()).isZero();

        // wrong types and values in otherwise well-formed frames
        for (final String frame : new String[] {
            l2(1, "update", level("bid", "abc", "1")),
            l2(1, "update", level("bid", "-5", "1")),
            l2(1, "update", level("bid", "5", "-1")),
            l2(1, "update", level("middle", "5", "1")),
            l2(1, "update", "{\"side\":\"bid\",\"price_level\":\"5\"}"),
            l2(1, "update", "[1,2]"),
            "{\"channel\":\"l2_data\",\"sequence_num\":\"x1\",\"events\":[]}",
            "{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[{\"type\":\"update\",\"trades\":[{\"price\":\"\"}]}]}",
            "{\"sequence_num\":1,\"events\":[]}",
        })
        {
            assertThat(feed(decoder, frame)).as(frame).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
    }

    @Test
    void everyTruncationOfAnUpdateIsRejectedAndTheLostSequenceIsNoticed()
    {
        feed(decoder, snapshot(0));
        sink.clear();
        final byte[] frame = l2(1, "update", level("bid", "65086.10", "1"), level("offer", "65090", "0")).getBytes(UTF_8);
        for (int len = 0; len < frame.length; len++)
        {
            assertThat(Frames.feedExact(decoder, frame, len)).as("prefix %d", len).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
        assertThat(decoder.unexpectedFailures()).isZero();
        // The truncated frame carried sequence 1; the next good frame shows the gap.
        assertThat(feed(decoder, l2(2, "update", level("bid", "65086.10", "1")))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
    }

    @Test
    void oversizedFramesAreDropped()
    {
        final CoinbaseDecoder small = new CoinbaseDecoder(sink, "BTC-USD", Quote.USD, 1024, 200);
        assertThat(feed(small, snapshot(0))).isEqualTo(FrameResult.BAD_FRAME);
        assertThat(small.counters().badFrames()).isEqualTo(1);
        assertThat(small.counters().bytes()).isEqualTo(snapshot(0).length());
        assertThat(sink.size()).isZero();
    }

    @Test
    void largeSnapshotIsPublishedInPartsAndReassemblesToTheSameBook()
    {
        final int bids = 18_764;
        final int asks = 27_236;
        final StringBuilder sb = new StringBuilder(6_000_000);
        sb.append("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"").append(T0)
            .append("\",\"sequence_num\":13,\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[");
        for (int i = 0; i < bids; i++)
        {
            sb.append(i == 0 ? "" : ",").append(level("bid", cents(6_508_366 - i * 3L), qty(i)));
        }
        for (int i = 0; i < asks; i++)
        {
            // asks reach $139M like the real book: the price step grows with depth
            sb.append(',').append(level("offer", cents(6_508_367 + (long)i * i * 19), qty(i + 7)));
        }
        sb.append("]}]}");
        final String frame = sb.toString();
        assertThat(frame.length()).isGreaterThan(4_000_000);

        assertThat(feed(decoder, frame)).isEqualTo(FrameResult.DATA);
        final int total = bids + asks;
        final int parts = (total + Events.MAX_LEVELS - 1) / Events.MAX_LEVELS;
        assertThat(sink.size()).isEqualTo(parts);
        for (int i = 0; i < parts; i++)
        {
            final BookSnapshotDecoder s = sink.snapshot(i);
            assertThat(s.parts().first()).isEqualTo(i == 0);
            assertThat(s.parts().last()).isEqualTo(i == parts - 1);
            assertThat(s.seq()).isEqualTo(13);
            assertThat(s.levels().count()).isEqualTo(i < parts - 1 ? Events.MAX_LEVELS : total - (parts - 1) * Events.MAX_LEVELS);
        }
        final PriceLevelBook rebuilt = BookReplay.of(sink);
        assertThat(rebuilt.bidDepth()).isEqualTo(bids);
        assertThat(rebuilt.askDepth()).isEqualTo(asks);
        assertThat(rebuilt.sameLevels(decoder.book())).isTrue();
        assertThat(rebuilt.bestBid()).isEqualTo(6_508_366_000_000L);
        assertThat(rebuilt.bestAsk()).isEqualTo(6_508_367_000_000L);
        assertThat(rebuilt.price(false, asks - 1)).isEqualTo((6_508_367L + (long)(asks - 1) * (asks - 1) * 19) * 1_000_000L);
        assertThat(rebuilt.qtyAt(true, 6_508_366_000_000L)).isEqualTo(qtyFixed(0));

        // and the book keeps working: an update right after
        sink.clear();
        assertThat(feed(decoder, l2(14, "update", level("offer", "65083.67", "0")))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().bestAsk()).isEqualTo(6_508_367_000_000L + 19 * 1_000_000L);
    }

    private static String cents(final long cents)
    {
        return Scales.format(cents, 2);
    }

    private static String qty(final int i)
    {
        return Scales.format(qtyFixed(i), 8);
    }

    private static long qtyFixed(final int i)
    {
        return 1 + (i * 7919L) % 500_000_000L;
    }
}
