package arb.feeds.venue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.Quote;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The same abuse for all four decoders: oversized frames, every truncation of every fixture, and
 * thousands of randomly mutated fixtures. Nothing may throw out of {@code onFrame}, the last-resort
 * guard must never have fired (it would mean a decoder bug), every claim must be published, a
 * BAD_FRAME must publish nothing, and the counters must account for every frame.
 */
class DecoderRobustnessTest
{
    private final RecordingSink sink = new RecordingSink();

    @Test
    void coinbase()
    {
        abuse(new CoinbaseDecoder(sink, "BTC-USD", Quote.USD, 1024, 1500), List.of(
            CoinbaseDecoderTest.snapshot(0),
            CoinbaseDecoderTest.l2(1, "update", CoinbaseDecoderTest.level("bid", "65086.10", "1")),
            CoinbaseDecoderTest.trades(2, "update", "BUY"),
            CoinbaseDecoderTest.ticker(3, "65086.17", "65086.18"),
            CoinbaseDecoderTest.heartbeat(4),
            CoinbaseDecoderTest.subscriptions(5),
            "{\"type\":\"error\",\"message\":\"x\"}"));
    }

    @Test
    void kraken()
    {
        final String trade = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
            + "\"price\":68580.0,\"qty\":0.14225864,\"ord_type\":\"limit\",\"trade_id\":72166031,"
            + "\"timestamp\":\"2024-07-27T21:16:00.512060Z\"}]}";
        final String book = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":"
            + "[{\"price\":66788.0,\"qty\":3.21926649}],\"asks\":[{\"price\":66788.1,\"qty\":1.67939137}],\"checksum\":"
            + KrakenChecksum.crcOf("667881167939137667880321926649") + "}]}";
        final String update = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":"
            + "[{\"price\":66788.0,\"qty\":3.21926649}],\"asks\":[],\"checksum\":"
            + KrakenChecksum.crcOf("667881167939137667880321926649") + ",\"timestamp\":\"2024-05-19T16:45:24.204654Z\"}]}";
        abuse(new KrakenDecoder(sink, "BTC/USD", Quote.USD, 10, 1, 8, 1500), List.of(book, update, trade,
            "{\"channel\":\"heartbeat\"}", "{\"method\":\"pong\",\"req_id\":7}",
            "{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\"},\"success\":true}",
            "{\"error\":\"x\",\"method\":\"subscribe\",\"success\":false}"));
    }

    @Test
    void bitstamp()
    {
        abuse(new BitstampDecoder(sink, "btcusd", Quote.USD, 1500), List.of(
            BitstampDecoderTest.orderBook(5, 6_500_000), BitstampDecoderTest.trade(0), BitstampDecoderTest.trade(1),
            "{\"event\":\"bts:subscription_succeeded\",\"channel\":\"order_book_btcusd\",\"data\":{}}",
            "{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}",
            "{\"event\":\"bts:error\",\"data\":{\"message\":\"x\"}}"));
    }

    @Test
    void binanceUs()
    {
        final BinanceUsDecoder decoder = new BinanceUsDecoder(sink, "BTCUSDT", Quote.USDT, 1000, true, 64, 1500);
        final byte[] body = BinanceUsDecoderTest.restSnapshot(10).getBytes(UTF_8);
        decoder.onSnapshot(new UnsafeBuffer(body), 0, body.length, 1);
        abuse(decoder, List.of(
            BinanceUsDecoderTest.diff(11, 11, "[[\"64999.00\",\"1\"]]", "[[\"65003.00\",\"0\"]]"),
            BinanceUsDecoderTest.combined("btcusdt@depth@100ms", BinanceUsDecoderTest.diff(12, 12, "[]", "[]")),
            "{\"e\":\"trade\",\"E\":1633998288468,\"s\":\"BTCUSDT\",\"t\":5,\"p\":\"65000.10\",\"q\":\"0.001\","
                + "\"b\":88,\"a\":50,\"T\":1633998288467,\"m\":true,\"M\":true}",
            "{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"65000.00\",\"B\":\"31.21\",\"a\":\"65000.01\",\"A\":\"40.66\"}",
            "{\"result\":null,\"id\":1}", "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        // REST bodies get the same treatment
        final Random random = new Random(99);
        for (int i = 0; i < 3000; i++)
        {
            final byte[] mutated = mutate(body, random);
            final int before = sink.size();
            final int r = decoder.onSnapshot(new UnsafeBuffer(mutated), 0, mutated.length, 1);
            if (r == FrameResult.BAD_FRAME)
            {
                assertThat(sink.size()).isEqualTo(before);
            }
            assertThat(sink.claimOutstanding()).isFalse();
        }
        assertThat(decoder.unexpectedFailures()).isZero();
    }

    private void abuse(final SpotFeedDecoder decoder, final List<String> fixtures)
    {
        final Random random = new Random(7);
        final long framesBefore = decoder.counters().frames();
        final long accountedBefore = accounted(decoder);
        long frames = 0;

        // oversized: one byte over the limit, and far over
        for (final int size : new int[] {1501, 100_000})
        {
            final byte[] big = new byte[size];
            java.util.Arrays.fill(big, (byte)' ');
            big[0] = '{';
            big[size - 1] = '}';
            final int before = sink.size();
            assertThat(Frames.feedExact(decoder, big, big.length)).isEqualTo(FrameResult.BAD_FRAME);
            assertThat(sink.size()).isEqualTo(before);
            frames++;
        }

        for (final String fixture : fixtures)
        {
            final byte[] frame = fixture.getBytes(UTF_8);
            assertThat(frame.length).as("fixture fits the limit").isLessThanOrEqualTo(1500);
            for (int len = 0; len < frame.length; len++)
            {
                final int before = sink.size();
                assertThat(Frames.feedExact(decoder, frame, len)).as("%s prefix %d", fixture, len)
                    .isEqualTo(FrameResult.BAD_FRAME);
                assertThat(sink.size()).isEqualTo(before);
                frames++;
            }
            Frames.feedExact(decoder, frame, frame.length);
            frames++;
        }

        int bad = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] fixture = fixtures.get(random.nextInt(fixtures.size())).getBytes(UTF_8);
            final byte[] mutated = random.nextInt(10) == 0 ? fixture : mutate(fixture, random);
            final int before = sink.size();
            final int r = Frames.feedExact(decoder, mutated, mutated.length);
            frames++;
            assertThat(sink.claimOutstanding()).isFalse();
            if (r == FrameResult.BAD_FRAME)
            {
                bad++;
                assertThat(sink.size()).as(new String(mutated, UTF_8)).isEqualTo(before);
            }
            if (FrameResult.needsResync(r) || r == FrameResult.NEEDS_SNAPSHOT)
            {
                decoder.reset(); // what the connection layer does on reconnect
            }
        }
        assertThat(decoder.unexpectedFailures()).as("last: %s", decoder.lastUnexpectedFailure()).isZero();
        assertThat(bad).isGreaterThan(1000);
        assertThat(decoder.counters().frames() - framesBefore).isEqualTo(frames);
        assertThat(accounted(decoder) - accountedBefore).as("every frame counted under one result").isEqualTo(frames);
        assertThat(decoder.counters().events()).isEqualTo(sink.size());
    }

    private static long accounted(final SpotFeedDecoder decoder)
    {
        return decoder.counters().dataFrames() + decoder.counters().badFrames() + decoder.counters().ignoredFrames()
            + decoder.counters().resyncs() + decoder.counters().venueErrors();
    }

    private static byte[] mutate(final byte[] source, final Random random)
    {
        final byte[] b = source.clone();
        final byte[] interesting = "{}[]:,\"\\ 0-.eE+x".getBytes(UTF_8);
        final int n = 1 + random.nextInt(3);
        for (int m = 0; m < n; m++)
        {
            final int at = random.nextInt(b.length);
            switch (random.nextInt(4))
            {
                case 0:
                    b[at] = interesting[random.nextInt(interesting.length)];
                    break;
                case 1:
                    b[at] = (byte)random.nextInt(256);
                    break;
                case 2:
                    b[at] = (byte)('0' + random.nextInt(10)); // a plausible but wrong digit
                    break;
                default:
                    b[at] = (byte)(0x20 + random.nextInt(0x5F));
                    break;
            }
        }
        return b;
    }

    @Test
    void nullTimestampConstantMatchesTheSchema()
    {
        assertThat(Scales.NULL).isEqualTo(arb.sbe.TradeEncoder.venueNsNullValue());
    }
}
