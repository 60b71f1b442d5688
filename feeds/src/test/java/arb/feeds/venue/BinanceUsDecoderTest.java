package arb.feeds.venue;

import static arb.feeds.venue.Frames.feed;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.sbe.Aggressor;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class BinanceUsDecoderTest
{
    private static final long SNAPSHOT_RECV_NS = 1_700_000_000_123_000_000L;

    private final RecordingSink sink = new RecordingSink();
    private final BinanceUsDecoder decoder = new BinanceUsDecoder(sink);

    static String diff(final long first, final long last, final String bids, final String asks)
    {
        return "{\"e\":\"depthUpdate\",\"E\":1633998274793,\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last
            + ",\"b\":" + bids + ",\"a\":" + asks + "}";
    }

    static String combined(final String stream, final String payload)
    {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    static String restSnapshot(final long lastUpdateId)
    {
        return "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":[[\"65000.00000000\",\"1.00000000\"],"
            + "[\"64999.50000000\",\"2.00000000\"],[\"64990.00000000\",\"0.50000000\"]],\"asks\":[[\"65000.01000000\","
            + "\"0.75000000\"],[\"65001.00000000\",\"3.00000000\"]]}";
    }

    private int snapshot(final String body)
    {
        final byte[] bytes = body.getBytes(UTF_8);
        return decoder.onSnapshot(new UnsafeBuffer(bytes), 0, bytes.length, SNAPSHOT_RECV_NS);
    }

    @Test
    void tradesAndBookTickerInRawAndCombinedFrames()
    {
        final String trade = "{\"e\":\"trade\",\"E\":1633998288468,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"65000.10\","
            + "\"q\":\"0.00100000\",\"b\":88,\"a\":50,\"T\":1633998288467,\"m\":true,\"M\":true}";
        assertThat(feed(decoder, trade)).isEqualTo(FrameResult.DATA);
        final TradeDecoder t = sink.trade(0);
        assertThat(t.venue()).isEqualTo(Venue.BINANCEUS);
        assertThat(t.quote()).isEqualTo(Quote.USDT);
        assertThat(t.aggressor()).isEqualTo(Aggressor.SELL); // buyer was the maker: the taker sold
        assertThat(t.price()).isEqualTo(6_500_010_000_000L);
        assertThat(t.size()).isEqualTo(100_000L);
        assertThat(t.tradeId()).isEqualTo(12345);
        assertThat(t.venueNs()).isEqualTo(1_633_998_288_467_000_000L);

        final String buyerTaker = trade.replace("\"m\":true", "\"m\":false");
        assertThat(feed(decoder, combined("btcusdt@trade", buyerTaker))).isEqualTo(FrameResult.DATA);
        assertThat(sink.trade(1).aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(sink.trade(1).tradeId()).isEqualTo(12345);

        final String agg = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1633998288468,"
            + "\"s\":\"BTCUSDT\",\"a\":425085,\"p\":\"65000.20\",\"q\":\"2.1\",\"f\":439577,\"l\":439577,"
            + "\"T\":1633998288467,\"m\":false,\"M\":true}}";
        assertThat(feed(decoder, agg)).isEqualTo(FrameResult.DATA);
        assertThat(sink.trade(2).tradeId()).isEqualTo(425085);

        final String ticker = "{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"65000.00\",\"B\":\"31.21\",\"a\":\"65000.01\","
            + "\"A\":\"40.66\"}";
        assertThat(feed(decoder, combined("btcusdt@bookTicker", ticker))).isEqualTo(FrameResult.DATA);
        final BestBidOfferDecoder b = sink.bbo(3);
        assertThat(b.bidPrice()).isEqualTo(6_500_000_000_000L);
        assertThat(b.bidQty()).isEqualTo(3_121_000_000L);
        assertThat(b.askPrice()).isEqualTo(6_500_001_000_000L);
        assertThat(b.askQty()).isEqualTo(4_066_000_000L);
        assertThat(b.quote()).isEqualTo(Quote.USDT);
        assertThat(b.venueNs()).isEqualTo(BestBidOfferDecoder.venueNsNullValue());

        // data before stream, and another symbol
        assertThat(feed(decoder, "{\"data\":" + ticker.replace("BTCUSDT", "ETHUSDT") + ",\"stream\":\"ethusdt@bookTicker\"}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isEqualTo(4);
    }

    @Test
    void controlAndErrorFrames()
    {
        assertThat(feed(decoder, "{\"result\":null,\"id\":1}")).isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(feed(decoder, "{\"id\":3,\"result\":[\"btcusdt@trade\"]}")).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown stream\"},\"id\":1}"))
            .isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("Invalid request: unknown stream");
        assertThat(feed(decoder, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")).isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("Invalid symbol.");
        assertThat(feed(decoder, combined("btcusdt@kline_1m", "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1}}")))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"lastUpdateId\":160,\"bids\":[],\"asks\":[]}")).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.subscribeMessages())
            .containsExactly("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@depth@100ms\"],\"id\":1}");
        assertThat(new BinanceUsDecoder(sink, "btcusd", Quote.USD, 500, true, 16, 1 << 20).subscribeMessages())
            .containsExactly("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusd@trade\",\"btcusd@depth@100ms\","
                + "\"btcusd@bookTicker\"],\"id\":1}");
        assertThat(decoder.snapshotUrl("https://api.binance.us/"))
            .isEqualTo("https://api.binance.us/api/v3/depth?symbol=BTCUSDT&limit=1000");
        assertThat(decoder.exchangeInfoUrl("http://127.0.0.1:8080"))
            .isEqualTo("http://127.0.0.1:8080/api/v3/exchangeInfo?symbol=BTCUSDT");
    }

    @Test
    void diffsAreBufferedUntilASnapshotAlignsThem()
    {
        assertThat(decoder.awaitingSnapshot()).isTrue();
        // buffered: 98-99 (stale, u <= 100), 100-102 (straddles 101), 103-103, 104-105
        assertThat(feed(decoder, diff(98, 99, "[[\"64990.00\",\"9\"]]", "[]"))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(feed(decoder, diff(100, 102, "[[\"65000.00\",\"0\"]]", "[]"))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(feed(decoder, combined("btcusdt@depth@100ms", diff(103, 103, "[]", "[[\"65000.01\",\"0.25\"]]"))))
            .isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(feed(decoder, diff(104, 105, "[[\"64999.60\",\"4\"]]", "[]"))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(decoder.bufferedDiffs()).isEqualTo(4);
        assertThat(sink.size()).isZero();

        assertThat(snapshot(restSnapshot(100))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.awaitingSnapshot()).isFalse();
        assertThat(decoder.lastUpdateId()).isEqualTo(105);
        assertThat(decoder.staleDiffsDropped()).isEqualTo(1);
        assertThat(sink.size()).isEqualTo(1);
        final BookSnapshotDecoder s = sink.snapshot(0);
        assertThat(s.seq()).isEqualTo(105);
        assertThat(s.recvNs()).isEqualTo(SNAPSHOT_RECV_NS);
        assertThat(s.quote()).isEqualTo(Quote.USDT);
        final PriceLevelBook book = decoder.book();
        assertThat(book.bestBid()).isEqualTo(6_499_960_000_000L); // 65000.00 deleted, 64999.60 added
        assertThat(book.qtyAt(true, 6_499_000_000_000L)).isEqualTo(50_000_000L); // the stale diff's 9 not applied
        assertThat(book.bestAskQty()).isEqualTo(25_000_000L);

        assertThat(feed(decoder, diff(106, 106, "[]", "[[\"65001.00\",\"0\"]]"))).isEqualTo(FrameResult.DATA);
        final BookUpdateDecoder u = sink.update(1);
        assertThat(u.seq()).isEqualTo(106);
        assertThat(u.venueNs()).isEqualTo(1_633_998_274_793_000_000L);
        assertThat(decoder.book().askDepth()).isEqualTo(1);
        assertThat(feed(decoder, diff(105, 106, "[]", "[]"))).isEqualTo(FrameResult.IGNORED); // stale
        assertThat(BookReplay.of(sink).sameLevels(decoder.book())).isTrue();
    }

    @Test
    void snapshotOlderThanTheFirstBufferedDiffIsFetchedAgain()
    {
        feed(decoder, diff(200, 201, "[[\"64999.00\",\"1\"]]", "[]"));
        feed(decoder, diff(202, 203, "[]", "[]"));
        assertThat(snapshot(restSnapshot(150))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(decoder.snapshotsTooOld()).isEqualTo(1);
        assertThat(decoder.awaitingSnapshot()).isTrue();
        assertThat(sink.size()).isZero();
        // exactly lastUpdateId + 1 == first U is fine
        assertThat(snapshot(restSnapshot(199))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.lastUpdateId()).isEqualTo(203);
        assertThat(decoder.book().qtyAt(true, 6_499_900_000_000L)).isEqualTo(100_000_000L);
    }

    @Test
    void firstDiffAfterASnapshotMustStraddleIt()
    {
        assertThat(snapshot(restSnapshot(300))).isEqualTo(FrameResult.DATA);
        assertThat(feed(decoder, diff(295, 300, "[]", "[]"))).isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, diff(299, 303, "[[\"64999.00\",\"1\"]]", "[]"))).isEqualTo(FrameResult.DATA);
        assertThat(feed(decoder, diff(304, 304, "[]", "[]"))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2); // snapshot + one update with levels (the empty one publishes nothing)

        final BinanceUsDecoder other = new BinanceUsDecoder(sink);
        final byte[] body = restSnapshot(300).getBytes(UTF_8);
        other.onSnapshot(new UnsafeBuffer(body), 0, body.length, 1);
        // the stream is already past 301: the snapshot cannot be continued
        assertThat(feed(other, diff(305, 306, "[]", "[]"))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(other.awaitingSnapshot()).isTrue();
        assertThat(other.bufferedDiffs()).isEqualTo(1);
    }

    @Test
    void gapAfterSyncResyncsAndBuffersAgain()
    {
        snapshot(restSnapshot(10));
        feed(decoder, diff(11, 12, "[[\"64999.00\",\"1\"]]", "[]"));
        sink.clear();
        assertThat(feed(decoder, diff(14, 15, "[[\"64998.00\",\"1\"]]", "[]"))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(decoder.sequenceGaps()).isEqualTo(1);
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(feed(decoder, diff(16, 16, "[]", "[]"))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(decoder.bufferedDiffs()).isEqualTo(2);
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().resyncs()).isEqualTo(1);
        assertThat(snapshot(restSnapshot(15))).isEqualTo(FrameResult.DATA);
        assertThat(decoder.lastUpdateId()).isEqualTo(16);
        assertThat(decoder.isBookValid()).isTrue();
    }

    @Test
    void brokenRunWhileBufferingKeepsOnlyTheUsableTail()
    {
        feed(decoder, diff(1, 2, "[]", "[]"));
        feed(decoder, diff(3, 4, "[]", "[]"));
        feed(decoder, diff(7, 8, "[]", "[]")); // 5-6 lost
        assertThat(decoder.bufferResets()).isEqualTo(1);
        assertThat(decoder.bufferedDiffs()).isEqualTo(1);
        assertThat(snapshot(restSnapshot(4))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        assertThat(snapshot(restSnapshot(7))).isEqualTo(FrameResult.DATA);

        final BinanceUsDecoder small = new BinanceUsDecoder(sink, "BTCUSDT", Quote.USDT, 1000, false, 3, 1 << 20);
        for (int i = 0; i < 5; i++)
        {
            feed(small, diff(10 + i, 10 + i, "[]", "[]"));
        }
        assertThat(small.bufferedDiffs()).isEqualTo(2); // full at 3: cleared, then 13 and 14
        assertThat(small.bufferResets()).isEqualTo(1);
    }

    @Test
    void crossedBookResyncs()
    {
        snapshot(restSnapshot(10));
        sink.clear();
        assertThat(feed(decoder, diff(11, 11, "[[\"65002.00\",\"1\"]]", "[]"))).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.awaitingSnapshot()).isTrue();
        assertThat(feed(decoder, diff(12, 12, "[]", "[]"))).isEqualTo(FrameResult.NEEDS_SNAPSHOT);
        final String crossedSnapshot = "{\"lastUpdateId\":20,\"bids\":[[\"2\",\"1\"]],\"asks\":[[\"1\",\"1\"]]}";
        assertThat(snapshot(crossedSnapshot)).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
    }

    @Test
    void badFramesAndBodiesPublishNothing()
    {
        snapshot(restSnapshot(10));
        sink.clear();
        for (final byte[] garbage : Frames.garbage(4))
        {
            assertThat(Frames.feedExact(decoder, garbage, garbage.length)).isIn(FrameResult.BAD_FRAME, FrameResult.IGNORED);
        }
        final byte[] frame = diff(11, 11, "[[\"64999.00\",\"1\"]]", "[]").getBytes(UTF_8);
        for (int len = 0; len < frame.length; len++)
        {
            assertThat(Frames.feedExact(decoder, frame, len)).as("prefix %d", len).isEqualTo(FrameResult.BAD_FRAME);
        }
        for (final String bad : new String[] {
            diff(12, 11, "[]", "[]"),
            diff(0, 11, "[]", "[]"),
            diff(11, 11, "[[\"x\",\"1\"]]", "[]"),
            diff(11, 11, "[[\"1\"]]", "[]"),
            diff(11, 11, "[\"1\",\"2\"]", "[]"),
            "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"0\",\"q\":\"1\"}",
            "{\"s\":\"BTCUSDT\",\"b\":\"-1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}",
            "{\"stream\":\"x\"}",
        })
        {
            assertThat(feed(decoder, bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
        // nothing was lost: the good diff still follows the book
        assertThat(feed(decoder, diff(11, 11, "[[\"64999.00\",\"1\"]]", "[]"))).isEqualTo(FrameResult.DATA);

        for (final String body : new String[] {"", "{", "{\"bids\":[],\"asks\":[]}", "{\"lastUpdateId\":\"x\",\"bids\":[]}",
            "{\"lastUpdateId\":5,\"bids\":[[\"1\",\"-1\"]],\"asks\":[]}", restSnapshot(5).substring(0, 40)})
        {
            assertThat(snapshot(body)).as(body).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(decoder.unexpectedFailures()).isZero();
    }

    @Test
    void listingCheck()
    {
        final String info = "{\"timezone\":\"UTC\",\"serverTime\":1700000000000,\"rateLimits\":[{\"rateLimitType\":"
            + "\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"limit\":1200}],\"exchangeFilters\":[],\"symbols\":[{\"symbol\":"
            + "\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"baseAssetPrecision\":8,\"quoteAsset\":\"USDT\","
            + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.01\"}]}]}";
        final BinanceUsListing ok = BinanceUsListing.parse(info, "btcusdt", Quote.USDT);
        assertThat(ok.trading()).isTrue();
        assertThat(ok.quoteAsset()).isEqualTo("USDT");
        assertThat(ok.message()).contains("TRADING");

        final BinanceUsListing wrongQuote = BinanceUsListing.parse(info, "BTCUSDT", Quote.USD);
        assertThat(wrongQuote.trading()).isFalse();
        assertThat(wrongQuote.message()).contains("quoted in USDT").contains("quote USD");

        final BinanceUsListing halted = BinanceUsListing.parse(info.replace("TRADING", "BREAK"), "BTCUSDT", Quote.USDT);
        assertThat(halted.trading()).isFalse();
        assertThat(halted.status()).isEqualTo("BREAK");
        assertThat(halted.message()).contains("BREAK").contains("not TRADING");

        final BinanceUsListing missing = BinanceUsListing.parse("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", "BTCUSD",
            Quote.USD);
        assertThat(missing.trading()).isFalse();
        assertThat(missing.message()).contains("does not list BTCUSD").contains("Invalid symbol.").contains("-1121");

        assertThat(BinanceUsListing.parse("<html>502</html>", "BTCUSD", Quote.USD).message()).contains("not readable");
        assertThat(BinanceUsListing.parse(info, "ETHUSDT", Quote.USDT).message()).contains("not in the symbols list");
    }

    /**
     * A real Binance.US capture (2021, COMPUSDT combined streams) with its REST depth snapshot:
     * merged by receive time, the diffs align with the snapshot and follow without a gap.
     */
    @Test
    void realCaptureSynchronises() throws Exception
    {
        final Path ws = SharedData.require("venues/reference/binance_us/cryptofeed_BINANCE_US.ws.1.0");
        final Path http = SharedData.require("venues/reference/binance_us/cryptofeed_BINANCE_US.http.0.0");
        final List<String[]> timeline = new ArrayList<>();
        for (final String line : Files.readAllLines(ws, UTF_8))
        {
            final int colon = line.indexOf(": {");
            if (!line.startsWith("wss") && colon > 0)
            {
                timeline.add(new String[] {line.substring(0, colon), "ws", line.substring(colon + 2)});
            }
        }
        for (final String line : Files.readAllLines(http, UTF_8))
        {
            if (line.contains("symbol=COMPUSDT"))
            {
                final int arrow = line.indexOf(" -> ");
                final int colon = line.indexOf(": {", arrow);
                timeline.add(new String[] {line.substring(arrow + 4, colon), "rest", line.substring(colon + 2)});
            }
        }
        timeline.sort((a, b) -> Double.compare(Double.parseDouble(a[0]), Double.parseDouble(b[0])));
        final BinanceUsDecoder comp = new BinanceUsDecoder(sink, "COMPUSDT", Quote.USDT, 1000, true, 1024, 1 << 24);
        int data = 0;
        for (final String[] event : timeline)
        {
            final int r;
            if ("rest".equals(event[1]))
            {
                final byte[] body = event[2].getBytes(UTF_8);
                r = comp.onSnapshot(new UnsafeBuffer(body), 0, body.length, 1);
                assertThat(r).isEqualTo(FrameResult.DATA);
            }
            else
            {
                r = feed(comp, event[2]);
                assertThat(r).as(event[2]).isIn(FrameResult.DATA, FrameResult.IGNORED, FrameResult.NEEDS_SNAPSHOT);
            }
            data += r == FrameResult.DATA ? 1 : 0;
        }
        assertThat(comp.sequenceGaps()).isZero();
        assertThat(comp.awaitingSnapshot()).isFalse();
        assertThat(comp.counters().badFrames()).isZero();
        assertThat(comp.staleDiffsDropped()).isPositive();
        assertThat(data).isGreaterThan(100);
        assertThat(BookReplay.of(sink).sameLevels(comp.book())).isTrue();
        // the last bookTicker of the capture agrees with the book built from diffs
        assertThat(comp.book().isCrossed()).isFalse();
    }
}
