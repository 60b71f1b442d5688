package arb.feeds.venue;

import static arb.feeds.venue.Frames.feed;
import static arb.feeds.venue.KrakenChecksumTest.px;
import static arb.feeds.venue.KrakenChecksumTest.qty;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

class KrakenDecoderTest
{
    private final RecordingSink sink = new RecordingSink();
    private final KrakenDecoder decoder = new KrakenDecoder(sink, "BTC/USD", Quote.USD, 10, 1, 8,
        KrakenDecoder.DEFAULT_MAX_FRAME_BYTES);
    private final KrakenChecksum checksum = new KrakenChecksum(1, 8);
    /** The book a correct client holds, maintained by the test independently of the decoder. */
    private final PriceLevelBook expected = new PriceLevelBook(64);

    private static String levels(final String... priceQty)
    {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < priceQty.length; i += 2)
        {
            sb.append(i == 0 ? "" : ",").append("{\"price\":").append(priceQty[i]).append(",\"qty\":")
                .append(priceQty[i + 1]).append('}');
        }
        return sb.append(']').toString();
    }

    private static String book(final String type, final String bids, final String asks, final long checksum)
    {
        return "{\"channel\":\"book\",\"type\":\"" + type + "\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":" + bids
            + ",\"asks\":" + asks + ",\"checksum\":" + checksum + ",\"timestamp\":\"2024-05-19T16:45:24.204654Z\"}]}";
    }

    /** Ten levels a side around 66788, like the venue's depth-10 snapshot. */
    private String snapshot()
    {
        expected.clear();
        final StringBuilder bids = new StringBuilder();
        final StringBuilder asks = new StringBuilder();
        for (int i = 0; i < 10; i++)
        {
            final String bp = Scales.format(667_880L - 3 * i, 1);
            final String ap = Scales.format(667_881L + 2 * i, 1);
            final String bq = Scales.format(10_000_000L + i * 1_234_567L, 8);
            final String aq = Scales.format(1_100_000L * (i + 1), 8);
            bids.append(i == 0 ? "" : ",").append("{\"price\":").append(bp).append(",\"qty\":").append(bq).append('}');
            asks.append(i == 0 ? "" : ",").append("{\"price\":").append(ap).append(",\"qty\":").append(aq).append('}');
            expected.set(true, px(bp), qty(bq));
            expected.set(false, px(ap), qty(aq));
        }
        return book("snapshot", "[" + bids + "]", "[" + asks + "]", checksum.compute(expected));
    }

    /** An update frame with the checksum of the expected book after applying it and truncating to 10. */
    private String update(final String bids, final String asks, final String... changes)
    {
        for (int i = 0; i < changes.length; i += 3)
        {
            expected.set("b".equals(changes[i]), px(changes[i + 1]), qty(changes[i + 2]));
        }
        expected.truncate(10);
        return book("update", bids, asks, checksum.compute(expected));
    }

    @Test
    void snapshotIsVerifiedAndPublished()
    {
        assertThat(feed(decoder, snapshot())).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(1);
        final BookSnapshotDecoder s = sink.snapshot(0);
        assertThat(s.venue()).isEqualTo(Venue.KRAKEN);
        assertThat(s.venueNs()).isEqualTo(1_716_137_124_204_654_000L);
        assertThat(s.seq()).isEqualTo(BookSnapshotDecoder.seqNullValue());
        assertThat(s.parts().first() && s.parts().last()).isTrue();
        assertThat(decoder.book().sameLevels(expected)).isTrue();
        assertThat(decoder.isBookValid()).isTrue();
        assertThat(BookReplay.of(sink).sameLevels(expected)).isTrue();
    }

    @Test
    void updatesAreVerifiedAndLevelsPushedOutOfDepthArePublishedAsDeletes()
    {
        feed(decoder, snapshot());
        final long worstBid = expected.price(true, 9);
        // 66788.0 deleted and 66787.9 inserted (a JSON number with an exponent): still 10 bids
        final String replace = update(levels("66788.0", "0.00000000", "66787.9", "1.5e-05"), "[]",
            "b", "66788.0", "0", "b", "66787.9", "0.000015");
        assertThat(feed(decoder, replace)).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().qtyAt(true, px("66787.9"))).isEqualTo(1_500L);
        assertThat(decoder.truncatedLevels()).isZero();

        // a new best bid pushes the 10th bid out of the subscribed depth; Kraken sends no delete for it
        final String push = update(levels("66788.0", "2.0"), "[]", "b", "66788.0", "2");
        assertThat(feed(decoder, push)).isEqualTo(FrameResult.DATA);
        final BookUpdateDecoder u = sink.update(sink.size() - 1);
        assertThat(u.venueNs()).isEqualTo(1_716_137_124_204_654_000L);
        final BookUpdateDecoder.LevelsDecoder l = u.levels();
        assertThat(l.count()).isEqualTo(2);
        l.next();
        assertThat(l.side()).isEqualTo(BookSide.BID);
        assertThat(l.price()).isEqualTo(px("66788.0"));
        assertThat(l.qty()).isEqualTo(200_000_000L);
        l.next();
        assertThat(l.side()).isEqualTo(BookSide.BID);
        assertThat(l.price()).isEqualTo(worstBid);
        assertThat(l.qty()).isZero();
        assertThat(decoder.truncatedLevels()).isEqualTo(1);
        assertThat(decoder.book().bidDepth()).isEqualTo(10);

        // a consumer that knows nothing about the depth rebuilds the same book from the events
        assertThat(BookReplay.of(sink).sameLevels(decoder.book())).isTrue();
        assertThat(decoder.book().sameLevels(expected)).isTrue();
        assertThat(decoder.checksumMismatches()).isZero();
    }

    @Test
    void manyUpdatesKeepTheReplayedBookIdentical()
    {
        feed(decoder, snapshot());
        final java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 500; n++)
        {
            final StringBuilder bids = new StringBuilder("[");
            final StringBuilder asks = new StringBuilder("[");
            final java.util.List<String> changes = new java.util.ArrayList<>();
            final int k = 1 + random.nextInt(4);
            for (int j = 0; j < k; j++)
            {
                final boolean bid = random.nextBoolean();
                final long mid = expected.isTwoSided() ? (expected.bestBid() + expected.bestAsk()) / 2 / 10_000_000L : 667_880L;
                final long tick = bid ? mid - 1 - random.nextInt(25) : mid + 1 + random.nextInt(25);
                final String p = Scales.format(tick, 1);
                final String q = random.nextInt(4) == 0 ? "0.00000000" : Scales.format(1 + random.nextInt(300_000_000), 8);
                final StringBuilder side = bid ? bids : asks;
                side.append(side.length() > 1 ? "," : "").append("{\"price\":").append(p).append(",\"qty\":").append(q)
                    .append('}');
                changes.add(bid ? "b" : "a");
                changes.add(p);
                changes.add(q);
            }
            final String frame = update(bids + "]", asks + "]", changes.toArray(new String[0]));
            final int r = feed(decoder, frame);
            if (expected.isCrossed())
            {
                assertThat(r).isEqualTo(FrameResult.RESYNC_CROSSED);
                return;
            }
            assertThat(r).as("update %d", n).isIn(FrameResult.DATA, FrameResult.IGNORED);
        }
        assertThat(decoder.book().sameLevels(expected)).isTrue();
        assertThat(BookReplay.of(sink).sameLevels(expected)).isTrue();
        assertThat(decoder.truncatedLevels()).isPositive();
    }

    @Test
    void corruptedLevelIsDetectedByTheChecksum()
    {
        feed(decoder, snapshot());
        sink.clear();
        // the venue's checksum covers qty 0.5; we receive 0.4 (a corrupted level)
        final String good = update(levels("66788.0", "0.5"), "[]", "b", "66788.0", "0.5");
        final String corrupted = good.replace("\"qty\":0.5", "\"qty\":0.4");
        assertThat(feed(decoder, corrupted)).isEqualTo(FrameResult.RESYNC_CHECKSUM);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
        assertThat(decoder.checksumMismatches()).isEqualTo(1);
        assertThat(decoder.counters().resyncs()).isEqualTo(1);
        // further updates are dropped quietly until a new snapshot
        assertThat(feed(decoder, good)).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(feed(decoder, snapshot())).isEqualTo(FrameResult.DATA);
        assertThat(decoder.isBookValid()).isTrue();
    }

    @Test
    void snapshotWithAWrongChecksumIsRejected()
    {
        final String frame = snapshot();
        final String wrong = frame.replace("\"checksum\":" + checksum.compute(expected), "\"checksum\":12345");
        assertThat(feed(decoder, wrong)).isEqualTo(FrameResult.RESYNC_CHECKSUM);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
        final String update = update(levels("66788.0", "0.5"), "[]", "b", "66788.0", "0.5");
        assertThat(feed(decoder, update)).isEqualTo(FrameResult.IGNORED); // already signalled
    }

    @Test
    void crossedBookResyncs()
    {
        feed(decoder, snapshot());
        sink.clear();
        final String crossing = update(levels("66800.0", "1"), "[]", "b", "66800.0", "1");
        assertThat(feed(decoder, crossing)).isEqualTo(FrameResult.RESYNC_CROSSED);
        assertThat(sink.size()).isZero();
    }

    @Test
    void missingChecksumIsABadFrame()
    {
        feed(decoder, snapshot());
        sink.clear();
        final String noChecksum = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
            + "\"bids\":[{\"price\":66788.0,\"qty\":0.5}],\"asks\":[]}]}";
        assertThat(feed(decoder, noChecksum)).isEqualTo(FrameResult.BAD_FRAME);
        assertThat(sink.size()).isZero();
        assertThat(decoder.isBookValid()).isFalse();
    }

    @Test
    void tradesCarryTheTakerSideAndSnapshotsAreSkipped()
    {
        final String snapshot = "{\"channel\":\"trade\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\","
            + "\"side\":\"sell\",\"price\":68466.9,\"qty\":0.01919415,\"ord_type\":\"market\",\"trade_id\":70635251,"
            + "\"timestamp\":\"2024-05-27T12:33:10.826003Z\"}]}";
        assertThat(feed(decoder, snapshot)).isEqualTo(FrameResult.IGNORED);
        assertThat(decoder.snapshotTradesSkipped()).isEqualTo(1);
        final String update = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"timestamp\":"
            + "\"2024-07-27T21:16:00.512060Z\",\"trade_id\":72166031,\"ord_type\":\"limit\",\"qty\":0.14225864,"
            + "\"price\":68580.0,\"side\":\"buy\",\"symbol\":\"BTC/USD\"},{\"symbol\":\"BTC/USD\",\"side\":\"sell\","
            + "\"price\":68579.9,\"qty\":1e-4,\"ord_type\":\"market\",\"trade_id\":72166032,"
            + "\"timestamp\":\"2024-07-27T21:16:00.6Z\"},{\"symbol\":\"ETH/USD\",\"side\":\"sell\",\"price\":3000.1,"
            + "\"qty\":1,\"trade_id\":5,\"timestamp\":\"2024-07-27T21:16:00.6Z\"}]}";
        assertThat(feed(decoder, update)).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2);
        final TradeDecoder t = sink.trade(0);
        assertThat(t.aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(t.price()).isEqualTo(6_858_000_000_000L);
        assertThat(t.size()).isEqualTo(14_225_864L);
        assertThat(t.tradeId()).isEqualTo(72_166_031L);
        assertThat(t.venueNs()).isEqualTo(1_722_114_960_512_060_000L);
        assertThat(t.quote()).isEqualTo(Quote.USD);
        assertThat(sink.trade(1).aggressor()).isEqualTo(Aggressor.SELL);
        assertThat(sink.trade(1).size()).isEqualTo(10_000L);
    }

    @Test
    void controlMessages()
    {
        assertThat(feed(decoder, "{\"channel\":\"heartbeat\"}")).isEqualTo(FrameResult.IGNORED);
        assertThat(decoder.heartbeats()).isEqualTo(1);
        assertThat(feed(decoder, "{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":"
            + "12393906104898154338,\"system\":\"online\",\"version\":\"2.0.4\"}],\"type\":\"update\"}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"depth\":10,"
            + "\"snapshot\":true,\"symbol\":\"BTC/USD\"},\"success\":true,\"time_in\":\"2024-05-19T16:45:24.1Z\","
            + "\"time_out\":\"2024-05-19T16:45:24.2Z\"}")).isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(feed(decoder, "{\"method\":\"unsubscribe\",\"result\":{\"channel\":\"book\"},\"success\":true}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(feed(decoder, "{\"error\":\"Currency pair not supported BTC/XYZ\",\"method\":\"subscribe\","
            + "\"req_id\":1,\"success\":false,\"time_in\":\"2024-05-19T20:02:10.316562Z\"}"))
            .isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastVenueError()).isEqualTo("Currency pair not supported BTC/XYZ");
        assertThat(feed(decoder, "{\"method\":\"pong\",\"req_id\":7,\"time_in\":\"2024-05-19T20:02:10.3Z\","
            + "\"time_out\":\"2024-05-19T20:02:10.4Z\"}", 42)).isEqualTo(FrameResult.IGNORED);
        assertThat(decoder.pongs()).isEqualTo(1);
        assertThat(decoder.lastPongNs()).isEqualTo(42);
        assertThat(feed(decoder, "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
            + "\"bid\":65843.7,\"bid_qty\":12.31628629,\"ask\":65843.8,\"ask_qty\":0.31232}]}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().venueErrors()).isEqualTo(1);
        assertThat(decoder.subscribeMessages()).containsExactly(
            "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":10,"
                + "\"snapshot\":true},\"req_id\":1}",
            "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"],\"snapshot\":false},"
                + "\"req_id\":2}");
        assertThat(decoder.pingMessage(7)).isEqualTo("{\"method\":\"ping\",\"req_id\":7}");
        assertThat(decoder.resubscribeBookMessages()).hasSize(2);
    }

    @Test
    void fieldOrderDoesNotMatter()
    {
        final String frame = snapshot();
        final long sum = checksum.compute(expected);
        final String reordered = frame
            .replace("{\"channel\":\"book\",\"type\":\"snapshot\",", "{")
            .replace("}]}", "}],\"type\":\"snapshot\",\"extra\":[{\"a\":[1,2]}],\"channel\":\"book\"}")
            .replace("\"symbol\":\"BTC/USD\",", "")
            .replace(",\"checksum\":" + sum, ",\"checksum\":" + sum + ",\"symbol\":\"BTC/USD\"");
        assertThat(reordered).doesNotStartWith("{\"channel\"");
        assertThat(feed(decoder, reordered)).isEqualTo(FrameResult.DATA);
        assertThat(decoder.book().sameLevels(expected)).isTrue();
    }

    @Test
    void aNonJsonFrameIsABadFrameNotASequenceGap()
    {
        // Issue 12: one line-noise frame cost a resubscription (12 resyncs in 35 s at one every 5 s).
        feed(decoder, snapshot());
        for (final String noise : new String[] {"}{\"not json at all\u0000\u00ff", "not json", "", "{\"a\":}", "\u0000\u0001"})
        {
            assertThat(feed(decoder, noise)).as(noise).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(decoder.isBookValid()).as("the book is still trusted").isTrue();
        sink.clear();
        final String next = update(levels("66787.0", "0.5"), "[]", "b", "66787.0", "0.5");
        assertThat(feed(decoder, next)).as("the next update applies: no resync").isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isPositive();
    }

    @Test
    void badFramesArePublishNothingAndAnyTruncatedUpdateForcesAResync()
    {
        feed(decoder, snapshot());
        sink.clear();
        for (final byte[] garbage : Frames.garbage(2))
        {
            assertThat(Frames.feedExact(decoder, garbage, garbage.length)).isIn(FrameResult.BAD_FRAME, FrameResult.IGNORED);
        }
        assertThat(sink.size()).isZero();
        assertThat(decoder.unexpectedFailures()).isZero();

        decoder.reset();
        feed(decoder, snapshot());
        sink.clear();
        final byte[] frame = update(levels("66788.0", "0.5"), "[]", "b", "66788.0", "0.5").getBytes(UTF_8);
        for (int len = 0; len < frame.length; len++)
        {
            assertThat(Frames.feedExact(decoder, frame, len)).as("prefix %d", len).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
        // a truncated book frame may have carried a change: the book is no longer trusted
        final String next = update(levels("66787.0", "0.5"), "[]", "b", "66787.0", "0.5");
        assertThat(feed(decoder, next)).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(sink.size()).isZero();

        for (final String bad : new String[] {
            book("update", "[{\"price\":\"x\",\"qty\":1}]", "[]", 1),
            book("update", "[{\"price\":-1,\"qty\":1}]", "[]", 1),
            book("update", "[{\"price\":1,\"qty\":-1}]", "[]", 1),
            book("update", "[{\"qty\":1}]", "[]", 1),
            book("update", "[]", "[]", -5),
            book("update", "[]", "[]", 4_294_967_296L),
            "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"price\":0,\"qty\":1}]}",
            "{\"type\":\"update\"}",
        })
        {
            assertThat(feed(decoder, bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
    }

    /**
     * The real Kraken v2 BTC/USD examples (heartbeat, status, ticker, book, trade, error acks) decode
     * to the expected results. Their book snapshot was trimmed to five levels per side by the
     * fixture's author, so its checksum cannot match the text: the decoder must refuse it.
     */
    @Test
    void realV2Examples() throws Exception
    {
        final Path file = SharedData.require("venues/reference/kraken/v2_examples/kraken-async-rs_v2_btcusd.jsonl");
        final List<String> lines = Files.readAllLines(file, UTF_8);
        final KrakenDecoder real = new KrakenDecoder(sink);
        int trades = 0;
        for (final String line : lines)
        {
            final int r = feed(real, line);
            if (line.contains("\"channel\":\"trade\"") && line.contains("\"type\":\"update\""))
            {
                assertThat(r).isEqualTo(FrameResult.DATA);
                trades = sink.size();
            }
            else if (line.contains("\"success\":false"))
            {
                assertThat(r).isEqualTo(FrameResult.VENUE_ERROR);
            }
            else if (line.contains("\"channel\":\"book\"") && line.contains("\"type\":\"snapshot\""))
            {
                assertThat(r).isEqualTo(FrameResult.RESYNC_CHECKSUM);
                assertThat(real.book().bidDepth()).isEqualTo(5);
                assertThat(real.book().bestBid()).isEqualTo(px("66788.0"));
                assertThat(real.book().qty(false, 3)).isEqualTo(1_100_000L);
            }
            else if (line.contains("\"channel\":\"book\""))
            {
                assertThat(r).isEqualTo(FrameResult.IGNORED); // book already invalid
            }
            else
            {
                assertThat(r).as(line).isEqualTo(FrameResult.IGNORED);
            }
        }
        assertThat(trades).isEqualTo(2);
        assertThat(real.counters().badFrames()).isZero();
        assertThat(real.lastVenueError()).startsWith("Unsupported field");
    }
}
