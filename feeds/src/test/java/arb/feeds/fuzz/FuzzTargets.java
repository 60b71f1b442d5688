package arb.feeds.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import arb.feeds.capture.CaptureReader;
import arb.feeds.kalshi.KalshiEventPublisher;
import arb.feeds.kalshi.KalshiMarketFields;
import arb.feeds.kalshi.KalshiRestParser;
import arb.feeds.kalshi.KalshiWsDecoder;
import arb.feeds.venue.BinanceUsDecoder;
import arb.feeds.venue.BitstampDecoder;
import arb.feeds.venue.CoinbaseDecoder;
import arb.feeds.venue.GeminiDecoder;
import arb.feeds.venue.KrakenChecksum;
import arb.feeds.venue.KrakenDecoder;
import arb.feeds.venue.SpotFeedDecoder;
import arb.journal.RecordingSink;
import arb.sbe.Quote;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Every decoder the engine runs on bytes from outside, as a fuzz target: its seed frames in each
 * venue's real format, and a fresh decoder that takes one input. A target returns normally for any
 * input; an exception escaping it, or a decoder's last-resort guard having fired
 * ({@link Target#guardFired}), is a finding. Shared by the jqwik properties of the test suite and the
 * long campaign ({@link FuzzCampaign}).
 */
public final class FuzzTargets
{
    private static final long RECV = 1_773_151_650_000_000_000L;
    private static final String T0 = "2026-01-02T03:04:05.123456Z";

    /** One decoder under fuzz. */
    public interface Target
    {
        /** Feeds one input; must never throw. */
        void feed(byte[] input);

        /** Calls the decoder made that its own last-resort guard caught (a decoder bug), 0 when none. */
        long guardFired();
    }

    /** A named target with its seed frames. */
    public record Spec(String name, List<String> seeds, Supplier<Target> factory)
    {
        public List<byte[]> seedBytes()
        {
            return seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        }
    }

    private FuzzTargets()
    {
    }

    /** Every target: the five spot venues, Kalshi REST (market, list, order book), Kalshi WebSocket, the capture reader. */
    public static List<Spec> all()
    {
        return List.of(
            new Spec("coinbase", coinbaseSeeds(), () -> spot(new CoinbaseDecoder(new RecordingSink(), "BTC-USD", Quote.USD,
                1024, 1 << 16))),
            new Spec("kraken", krakenSeeds(), () -> spot(new KrakenDecoder(new RecordingSink(), "BTC/USD", Quote.USD, 10, 1,
                8, 1 << 16))),
            new Spec("bitstamp", bitstampSeeds(), () -> spot(new BitstampDecoder(new RecordingSink(), "btcusd", Quote.USD,
                1 << 16))),
            new Spec("binanceus", binanceSeeds(), FuzzTargets::binance),
            new Spec("gemini", geminiSeeds(), () -> spot(new GeminiDecoder(new RecordingSink(), "BTCUSD", Quote.USD, 1 << 16))),
            new Spec("kalshi-rest", kalshiRestSeeds(), FuzzTargets::kalshiRest),
            new Spec("kalshi-ws", kalshiWsSeeds(), FuzzTargets::kalshiWs),
            new Spec("capture", captureSeeds(), FuzzTargets::capture));
    }

    private static Target spot(final SpotFeedDecoder decoder)
    {
        return new Target()
        {
            @Override
            public void feed(final byte[] input)
            {
                decoder.onFrame(new UnsafeBuffer(input), 0, input.length, RECV);
            }

            @Override
            public long guardFired()
            {
                return decoder.unexpectedFailures();
            }
        };
    }

    private static Target binance()
    {
        final BinanceUsDecoder decoder = new BinanceUsDecoder(new RecordingSink(), "BTCUSDT", Quote.USDT, 1000, true, 64,
            1 << 16);
        return new Target()
        {
            private int n;

            @Override
            public void feed(final byte[] input)
            {
                // every other input also as a REST depth snapshot body
                if ((n++ & 1) == 0)
                {
                    decoder.onSnapshot(new UnsafeBuffer(input), 0, input.length, RECV);
                }
                decoder.onFrame(new UnsafeBuffer(input), 0, input.length, RECV);
            }

            @Override
            public long guardFired()
            {
                return decoder.unexpectedFailures();
            }
        };
    }

    private static Target kalshiRest()
    {
        final KalshiRestParser parser = new KalshiRestParser(new KalshiEventPublisher(new RecordingSink()));
        final byte[] ticker = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final byte[] t = "KXBTC15M-26MAR101015-15".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, ticker, 0, t.length);
        return new Target()
        {
            @Override
            public void feed(final byte[] input)
            {
                final UnsafeBuffer b = new UnsafeBuffer(input);
                parser.onMarket(b, 0, input.length, RECV);
                parser.onMarketList(b, 0, input.length, RECV, null);
                parser.onOrderbook(b, 0, input.length, RECV, ticker, 0);
            }

            @Override
            public long guardFired()
            {
                return 0; // no guard: any exception escapes and is counted by the caller
            }
        };
    }

    private static Target kalshiWs()
    {
        final KalshiWsDecoder decoder = new KalshiWsDecoder(new KalshiEventPublisher(new RecordingSink()));
        return new Target()
        {
            @Override
            public void feed(final byte[] input)
            {
                decoder.onFrame(new UnsafeBuffer(input), 0, input.length, RECV);
            }

            @Override
            public long guardFired()
            {
                return 0; // no guard: any exception escapes and is counted by the caller
            }
        };
    }

    private static Target capture()
    {
        return new Target()
        {
            @Override
            public void feed(final byte[] input)
            {
                // a whole file of the input's lines, read with a small line limit so the oversized path runs too
                try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(input), 4096))
                {
                    while (r.next())
                    {
                        r.frameLength();
                        r.url();
                    }
                }
            }

            @Override
            public long guardFired()
            {
                return 0;
            }
        };
    }

    static List<String> coinbaseSeeds()
    {
        final String level = "{\"side\":\"bid\",\"event_time\":\"2026-01-02T03:04:05.1Z\",\"price_level\":\"65086.17\","
            + "\"new_quantity\":\"0.5\"}";
        final String offer = "{\"side\":\"offer\",\"event_time\":\"2026-01-02T03:04:05.1Z\",\"price_level\":\"65086.18\","
            + "\"new_quantity\":\"0.3\"}";
        return List.of(
            "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":0,\"events\":[{\"type\":"
                + "\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[" + level + "," + offer + "]}]}",
            "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":1,\"events\":[{\"type\":"
                + "\"update\",\"product_id\":\"BTC-USD\",\"updates\":[" + level + "]}]}",
            "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":2,\"events\":[{"
                + "\"type\":\"update\",\"trades\":[{\"product_id\":\"BTC-USD\",\"trade_id\":\"1068572091\",\"price\":"
                + "\"65083.67\",\"size\":\"0.01034361\",\"time\":\"2026-01-02T03:04:05.5Z\",\"side\":\"BUY\"}]}]}",
            "{\"channel\":\"ticker\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":3,\"events\":[{\"type\":"
                + "\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"65086.18\","
                + "\"best_bid\":\"65086.17\",\"best_ask\":\"65086.18\",\"best_bid_quantity\":\"0.2\",\"best_ask_quantity\":"
                + "\"0.24\"}]}]}",
            "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":4,\"events\":[{"
                + "\"current_time\":\"2026-01-02 03:04:05.1 +0000 UTC m=+1.5\",\"heartbeat_counter\":41691}]}",
            "{\"type\":\"error\",\"message\":\"x\"}");
    }

    static List<String> krakenSeeds()
    {
        final String crc = Long.toString(KrakenChecksum.crcOf("667881167939137667880321926649"));
        return List.of(
            "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"price\":66788.0,"
                + "\"qty\":3.21926649}],\"asks\":[{\"price\":66788.1,\"qty\":1.67939137}],\"checksum\":" + crc + "}]}",
            "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"price\":66788.0,"
                + "\"qty\":3.21926649}],\"asks\":[],\"checksum\":" + crc + ",\"timestamp\":\"2024-05-19T16:45:24.204654Z\"}]}",
            "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\",\"price\":68580.0,"
                + "\"qty\":0.14225864,\"ord_type\":\"limit\",\"trade_id\":72166031,\"timestamp\":\"2024-07-27T21:16:00.512060Z\"}]}",
            "{\"channel\":\"heartbeat\"}",
            "{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\"},\"success\":true}");
    }

    static List<String> bitstampSeeds()
    {
        return List.of(
            "{\"data\":{\"timestamp\":\"1641343691\",\"microtimestamp\":\"1641343691244908\",\"bids\":[[\"65000.00\","
                + "\"0.01000000\"],[\"64999.93\",\"0.01000001\"]],\"asks\":[[\"65000.07\",\"0.02000000\"]]},\"channel\":"
                + "\"order_book_btcusd\",\"event\":\"data\"}",
            "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":98000129,\"amount\":0.02834,"
                + "\"amount_str\":\"0.02834000\",\"price\":8304.47,\"price_str\":\"8304.47\",\"type\":0,\"timestamp\":"
                + "\"1569888000\",\"microtimestamp\":\"1569888000557673\",\"buy_order_id\":4173504870,\"sell_order_id\":1}}",
            "{\"event\":\"bts:subscription_succeeded\",\"channel\":\"order_book_btcusd\",\"data\":{}}",
            "{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}");
    }

    static List<String> binanceSeeds()
    {
        return List.of(
            "{\"lastUpdateId\":10,\"bids\":[[\"65000.00000000\",\"1.00000000\"],[\"64999.50000000\",\"2.00000000\"]],"
                + "\"asks\":[[\"65000.01000000\",\"0.75000000\"],[\"65001.00000000\",\"3.00000000\"]]}",
            "{\"e\":\"depthUpdate\",\"E\":1633998274793,\"s\":\"BTCUSDT\",\"U\":11,\"u\":11,\"b\":[[\"64999.00\",\"1\"]],"
                + "\"a\":[[\"65003.00\",\"0\"]]}",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1633998274793,\"s\":\"BTCUSDT\","
                + "\"U\":12,\"u\":12,\"b\":[],\"a\":[]}}",
            "{\"e\":\"trade\",\"E\":1633998288468,\"s\":\"BTCUSDT\",\"t\":5,\"p\":\"65000.10\",\"q\":\"0.001\",\"b\":88,"
                + "\"a\":50,\"T\":1633998288467,\"m\":true,\"M\":true}",
            "{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"65000.00\",\"B\":\"31.21\",\"a\":\"65000.01\",\"A\":\"40.66\"}",
            "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    }

    static List<String> geminiSeeds()
    {
        return List.of(
            "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"9122.04\",\"0.00121425\"],[\"buy\","
                + "\"9122.01\",\"0.00121426\"],[\"sell\",\"9122.07\",\"0.98942292\"]],\"trades\":[{\"type\":\"trade\","
                + "\"symbol\":\"BTCUSD\",\"event_id\":169841458,\"timestamp\":1560976400428,\"price\":\"9122.04\","
                + "\"quantity\":\"0.0073173\",\"side\":\"sell\",\"tid\":2840140800042677}]}",
            "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"sell\",\"9160.20\",\"0\"]]}",
            "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":3575573053,\"timestamp\":1733612345678,"
                + "\"price\":\"9004.21000000\",\"quantity\":\"0.09110000\",\"side\":\"buy\",\"tid\":5}",
            "{\"type\":\"heartbeat\",\"timestamp\":1733612345678}",
            "{\"type\":\"error\",\"reason\":\"InvalidJson\",\"message\":\"bad request\"}");
    }

    static List<String> kalshiRestSeeds()
    {
        return List.of(
            "{\"market\":{\"can_close_early\":true,\"close_time\":\"2026-03-10T14:15:00Z\",\"event_ticker\":"
                + "\"KXBTC15M-26MAR101015\",\"expiration_value\":\"\",\"floor_strike\":70123.45,\"last_price_dollars\":"
                + "\"0.6200\",\"market_type\":\"binary\",\"no_ask_dollars\":\"0.3900\",\"no_bid_dollars\":\"0.3800\","
                + "\"open_interest_fp\":\"12034.50\",\"open_time\":\"2026-03-10T14:00:00Z\",\"price_level_structure\":"
                + "\"tapered_deci_cent\",\"price_ranges\":[{\"start\":\"0.0000\",\"end\":\"0.1000\",\"step\":\"0.0010\"}],"
                + "\"result\":\"\",\"status\":\"active\",\"strike_type\":\"greater_or_equal\",\"ticker\":"
                + "\"KXBTC15M-26MAR101015-15\",\"updated_time\":\"2026-03-10T14:07:29.5Z\",\"volume_fp\":\"40211.07\","
                + "\"yes_ask_dollars\":\"0.6200\",\"yes_ask_size_fp\":\"150.25\",\"yes_bid_dollars\":\"0.6100\","
                + "\"yes_bid_size_fp\":\"7.00\"}}",
            "{\"market\":{\"ticker\":\"KXBTC15M-26MAR101000-00\",\"status\":\"finalized\",\"result\":\"no\","
                + "\"expiration_value\":\"70123.45\",\"floor_strike\":70200.01,\"close_time\":\"2026-03-10T14:00:00Z\","
                + "\"open_time\":\"2026-03-10T13:45:00Z\",\"yes_bid_dollars\":\"0.0000\",\"yes_ask_dollars\":\"0.0010\"}}",
            "{\"markets\":[{\"ticker\":\"KXBTC15M-26MAR101015-15\",\"status\":\"active\",\"close_time\":"
                + "\"2026-03-10T14:15:00Z\",\"open_time\":\"2026-03-10T14:00:00Z\",\"floor_strike\":70123.45,"
                + "\"yes_bid_dollars\":\"0.6100\"},{\"ticker\":\"KXETH15M-26MAR101015-15\",\"status\":\"active\"},17],"
                + "\"cursor\":\"CgsIu4WdzwYQ\"}",
            "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.0100\",\"200.00\"],[\"0.4100\",\"10.00\"]],\"no_dollars\":[[\"0.0100\","
                + "\"100.00\"],[\"0.5600\",\"17.00\"]]}}");
    }

    static List<String> kalshiWsSeeds()
    {
        final String t = "KXBTC15M-26MAR101015-15";
        return List.of(
            "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,\"msg\":{\"market_ticker\":\"" + t + "\",\"market_id\":"
                + "\"00000000-0000-0000-0000-000000000001\",\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.6100\",\"33.00\"]],"
                + "\"no_dollars_fp\":[[\"0.3500\",\"20.00\"],[\"0.3800\",\"146.50\"]]}}",
            "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":2,\"msg\":{\"market_ticker\":\"" + t + "\",\"price_dollars\":"
                + "\"0.610\",\"delta_fp\":\"-13.00\",\"side\":\"yes\",\"ts\":\"2026-03-10T14:07:29Z\",\"ts_ms\":1773151649123}}",
            "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"" + t + "\",\"price_dollars\":\"0.620\","
                + "\"yes_bid_dollars\":\"0.610\",\"yes_ask_dollars\":\"0.620\",\"volume_fp\":\"33896.00\",\"open_interest_fp\":"
                + "\"20422.00\",\"yes_bid_size_fp\":\"300.00\",\"yes_ask_size_fp\":\"150.00\",\"ts\":1773151649,\"ts_ms\":"
                + "1773151649000,\"time\":\"2026-03-10T14:07:29Z\"}}",
            "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{\"market_ticker\":\"KXBTC15M-26MAR101000-00\",\"event_type\":"
                + "\"determined\",\"open_ts\":1773150300,\"close_ts\":1773151200,\"determination_ts\":1773151205,\"result\":"
                + "\"yes\",\"settlement_value\":\"1.0000\"}}",
            "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{\"market_ticker\":\"KXBTCD-26MAR1011-T70249.99\","
                + "\"event_type\":\"created\",\"open_ts\":1773151200,\"close_ts\":1773154800,\"additional_metadata\":{\"name\":"
                + "\"Bitcoin price\",\"strike_type\":\"greater\",\"floor_strike\":\"70249.99\",\"can_close_early\":true}}}",
            "{\"type\":\"cfbenchmarks_value\",\"sid\":1,\"seq\":42,\"msg\":{\"index_id\":\"BRTI\",\"received_at\":1773151649500,"
                + "\"data\":\"{\\\"type\\\":\\\"value\\\",\\\"id\\\":\\\"BRTI\\\",\\\"time\\\":1773151649400,\\\"value\\\":"
                + "\\\"70111.37\\\"}\",\"avg_60s_data\":{\"value\":\"70100.25000000\",\"window_size\":60}}}",
            "{\"type\":\"subscribed\",\"id\":1,\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":7}}",
            "{\"type\":\"error\",\"id\":2,\"msg\":{\"code\":8,\"msg\":\"Unknown channel name\"}}");
    }

    static List<String> captureSeeds()
    {
        return List.of(
            "{\"ts_ns\":1764403200323456789,\"venue\":\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":"
                + "\"{\\\"channel\\\":\\\"heartbeat\\\"}\"}\n"
                + "{\"ts_ns\":1764403201000000000,\"venue\":\"binanceus\",\"conn\":1,\"kind\":\"http\",\"dir\":\"in\",\"url\":"
                + "\"https://api.binance.us/api/v3/depth?symbol=BTCUSDT&limit=1000\",\"status\":200,\"frame\":"
                + "\"{\\\"lastUpdateId\\\":1}\"}\n",
            "{\"frame\":\"{\\\"x\\\":1}\", \"dir\":\"in\", \"kind\":\"ws\", \"extra\":[1,{\"a\":[2]}], \"venue\":\"bitstamp\","
                + " \"conn\":9, \"ts_ns\":1764403200000000042}\r\n{\"ts_ns\":1764403200000000043,\"venue\":\"kalshi\","
                + "\"conn\":3,\"kind\":\"event\",\"dir\":\"in\",\"frame\":\"reset: gap \\u00e9\\ud83d\\ude00\"}");
    }
}
