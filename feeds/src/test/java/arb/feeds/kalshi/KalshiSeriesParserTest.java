package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import arb.feeds.ThreadAllocation;
import arb.journal.CountingSink;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.DataSource;
import arb.sbe.FeeType;
import arb.sbe.KalshiSeriesDecoder;
import arb.sbe.Series;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class KalshiSeriesParserTest
{
    private static final long RECV = KalshiRestParserTest.RECV;

    /** GET /series/KXBTC15M in the shape Kalshi returns it (every member kind of the real answer; text made up). */
    static final String KXBTC15M = """
        {"series":{
          "additional_prohibitions":["Persons employed by a source agency may not trade."],
          "category":"Crypto","contract_terms_url":"https://example.invalid/terms.pdf",
          "contract_url":"https://example.invalid/contract.pdf","exchange_index":2,
          "fee_multiplier":1,"fee_type":"quadratic","frequency":"fifteen_min",
          "last_updated_ts":"2026-09-08T19:38:35.755394Z",
          "product_metadata":{"important_info":{"id":"x","markdown":"**Important:** \\"60\\" prices.","message":"","title":""}},
          "settlement_sources":[{"name":"CF Benchmarks","url":"https://example.invalid/"}],
          "tags":["BTC","15 min"],"ticker":"KXBTC15M","title":"Bitcoin price up down"
        }}""";

    private final RecordingSink sink = new RecordingSink();
    private final KalshiSeriesParser parser = new KalshiSeriesParser(new KalshiEventPublisher(sink));

    private int parse(final String body)
    {
        final UnsafeBuffer b = KalshiRestParserTest.buf(body);
        return parser.onSeries(b, 0, b.capacity(), RECV);
    }

    @Test
    void aSeriesBecomesOneEventWithItsFeeSchedule()
    {
        assertThat(parse(KXBTC15M)).isEqualTo(KalshiRestParser.OK);
        assertThat(sink.size()).isEqualTo(1);
        final KalshiSeriesDecoder e = sink.kalshiSeries(0);
        assertThat(e.recvNs()).isEqualTo(RECV);
        assertThat(e.source()).isEqualTo(DataSource.REST);
        assertThat(e.series()).isEqualTo(Series.KXBTC15M);
        assertThat(e.feeType()).isEqualTo(FeeType.QUADRATIC);
        assertThat(e.feeMultiplier()).isEqualTo(Scales.RATIO);
        assertThat(e.seriesTicker()).isEqualTo("KXBTC15M");
    }

    @Test
    void everyFeeTypeAndMultiplierFormIsRead()
    {
        final Map<String, FeeType> types = Map.of("\"quadratic\"", FeeType.QUADRATIC,
            "\"quadratic_with_maker_fees\"", FeeType.QUADRATIC_WITH_MAKER_FEES, "\"flat\"", FeeType.FLAT,
            "\"tiered\"", FeeType.OTHER, "null", FeeType.UNKNOWN);
        for (final Map.Entry<String, FeeType> t : types.entrySet())
        {
            sink.clear();
            assertThat(parse("{\"series\":{\"ticker\":\"KXBTCD\",\"fee_type\":" + t.getKey() + ",\"fee_multiplier\":0.5}}"))
                .isEqualTo(KalshiRestParser.OK);
            final KalshiSeriesDecoder e = sink.kalshiSeries(0);
            assertThat(e.feeType()).as(t.getKey()).isEqualTo(t.getValue());
            assertThat(e.series()).isEqualTo(Series.KXBTCD);
            assertThat(e.feeMultiplier()).isEqualTo(Scales.RATIO / 2);
        }
        sink.clear();
        parse("{\"series\":{\"ticker\":\"KXETH\",\"fee_type\":\"quadratic\",\"fee_multiplier\":\"2.25\"}}");
        assertThat(sink.kalshiSeries(0).series()).isEqualTo(Series.UNKNOWN); // published, the broker ignores it
        assertThat(sink.kalshiSeries(0).seriesTicker()).isEqualTo("KXETH");
        assertThat(sink.kalshiSeries(0).feeMultiplier()).isEqualTo(2_250_000_000L);
        sink.clear();
        parse("{\"series\":{\"ticker\":\"KXBTC15M\",\"fee_type\":\"quadratic\"}}");
        assertThat(sink.kalshiSeries(0).feeMultiplier()).isEqualTo(Scales.NULL); // none given: the broker falls back
        sink.clear();
        parse("{\"series\":{\"ticker\":\"KXBTC15M\",\"fee_type\":\"quadratic\",\"fee_multiplier\":-1}}");
        assertThat(sink.kalshiSeries(0).feeMultiplier()).isEqualTo(Scales.NULL);
    }

    @Test
    void aBadBodyPublishesNothing()
    {
        for (final String bad : new String[] {"", "{", "not json", "{\"series\":null}", "{\"series\":{\"fee_type\":\"flat\"}}",
            KXBTC15M.substring(0, KXBTC15M.length() - 3), "{\"markets\":[]}", "{\"series\":{\"ticker\":\"A\"}} x"})
        {
            assertThat(parse(bad)).as(bad).isEqualTo(KalshiRestParser.BAD_BODY);
        }
        assertThat(sink.size()).isZero();
        assertThat(parser.badBodies()).isEqualTo(8);
    }

    @Test
    void theRealSeriesAnswerIsReadFieldExact() throws Exception
    {
        final Path file = SharedData.require("kalshi/series_KXBTC15M_2026-09-14.json");
        final Map<String, Object> recorded = MiniJson.object(MiniJson.parse(Files.readString(file)));
        final Map<String, Object> response = MiniJson.object(recorded.get("response"));
        final Map<String, Object> series = MiniJson.object(response.get("series"));
        // the parser reads the response body exactly as the server sent it: re-serialising is not needed,
        // the body is the recorded "response" member's text
        final String text = Files.readString(file);
        final int start = text.indexOf("{", text.indexOf("\"response\""));
        final int end = text.lastIndexOf('}', text.lastIndexOf('}') - 1) + 1;
        assertThat(parse(text.substring(start, end))).isEqualTo(KalshiRestParser.OK);
        final KalshiSeriesDecoder e = sink.kalshiSeries(0);
        assertThat(e.seriesTicker()).isEqualTo(series.get("ticker"));
        assertThat(e.series()).isEqualTo(Series.KXBTC15M);
        assertThat(e.feeType().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(series.get("fee_type"));
        assertThat(e.feeMultiplier()).isEqualTo(MiniJson.decimal(series.get("fee_multiplier")).movePointRight(9).longValueExact());
    }

    @Test
    void parsingAllocatesNothingOnceWarm()
    {
        if (!ThreadAllocation.supported())
        {
            return;
        }
        final CountingSink counting = new CountingSink();
        final KalshiSeriesParser quiet = new KalshiSeriesParser(new KalshiEventPublisher(counting));
        final UnsafeBuffer body = KalshiRestParserTest.buf(KXBTC15M);
        for (int i = 0; i < 20_000; i++)
        {
            quiet.onSeries(body, 0, body.capacity(), RECV);
        }
        final long baseline = ThreadAllocation.baseline();
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long before = ThreadAllocation.bytes();
            for (int i = 0; i < 1_000; i++)
            {
                quiet.onSeries(body, 0, body.capacity(), RECV);
            }
            allocated = Math.min(allocated, ThreadAllocation.bytes() - before - baseline);
        }
        assertThat(allocated).isLessThanOrEqualTo(0);
        assertThat(counting.events()).isEqualTo(23_000L);
    }
}
