package arb.feeds.kalshi;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.DataSource;
import arb.sbe.FeeType;
import arb.sbe.Series;
import org.agrona.DirectBuffer;

/**
 * Turns a Kalshi Trade API v2 {@code GET /series/{series_ticker}} body into a {@code KalshiSeries}
 * input event: the series ticker, its {@code fee_type} ({@code quadratic},
 * {@code quadratic_with_maker_fees}, {@code flat}; another text is OTHER, none UNKNOWN) and its
 * {@code fee_multiplier} (a JSON number or a decimal string, kept at 1e-9). The whole body is read
 * before anything is published: not JSON, truncated, no {@code series} object or no ticker publishes
 * nothing and returns {@link KalshiRestParser#BAD_BODY}. Every other member of the series object
 * (title, tags, settlement sources, ...) is skipped. No allocation per body.
 */
public final class KalshiSeriesParser
{
    private static final byte[] SERIES = KalshiJson.b("series");
    private static final byte[] FEE_TYPE = KalshiJson.b("fee_type");
    private static final byte[] FEE_MULTIPLIER = KalshiJson.b("fee_multiplier");
    private static final byte[] V_QUADRATIC = KalshiJson.b("quadratic");
    private static final byte[] V_QUADRATIC_WITH_MAKER_FEES = KalshiJson.b("quadratic_with_maker_fees");
    private static final byte[] V_FLAT = KalshiJson.b("flat");
    private static final byte[] V_KXBTC15M = KalshiJson.b("KXBTC15M");
    private static final byte[] V_KXBTCD = KalshiJson.b("KXBTCD");

    private final KalshiEventPublisher publisher;
    private final JsonScanner json = new JsonScanner();
    private final byte[] ticker = new byte[KalshiMarketFields.TICKER_CAPACITY];
    private int tickerLength;
    private Series series = Series.UNKNOWN;
    private FeeType feeType = FeeType.UNKNOWN;
    private long feeMultiplier = Scales.NULL;
    private long badBodies;

    public KalshiSeriesParser(final KalshiEventPublisher publisher)
    {
        this.publisher = publisher;
    }

    /**
     * {@code {"series":{"ticker":"KXBTC15M","fee_type":"quadratic","fee_multiplier":1,...}}}.
     *
     * @return {@link KalshiRestParser#OK} when the event was published, {@link KalshiRestParser#BAD_BODY} otherwise
     */
    public int onSeries(final DirectBuffer body, final int offset, final int length, final long recvNs)
    {
        reset();
        boolean seen = false;
        json.wrap(body, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(SERIES) && !seen && json.peekType() == JsonScanner.TYPE_OBJECT)
                {
                    seen = true;
                    readSeriesObject();
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || !seen || tickerLength == 0)
        {
            reset();
            badBodies++;
            return KalshiRestParser.BAD_BODY;
        }
        publisher.series(recvNs, DataSource.REST, series, feeType, feeMultiplier, ticker);
        return KalshiRestParser.OK;
    }

    private void readSeriesObject()
    {
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(KalshiJson.TICKER))
            {
                if (json.readString() && !json.valueHasEscapes() && json.valueLength() <= ticker.length)
                {
                    tickerLength = json.valueLength();
                    json.buffer().getBytes(json.valueStart(), ticker, 0, tickerLength);
                    series = json.valueEquals(V_KXBTC15M) ? Series.KXBTC15M
                        : json.valueEquals(V_KXBTCD) ? Series.KXBTCD : Series.UNKNOWN;
                }
            }
            else if (json.keyEquals(FEE_TYPE))
            {
                feeType = json.readStringOrNull() ? readFeeType() : FeeType.UNKNOWN;
            }
            else if (json.keyEquals(FEE_MULTIPLIER))
            {
                final long v = json.readDecimal(Scales.RATIO_DECIMALS);
                feeMultiplier = v == JsonScanner.INVALID || v < 0 ? Scales.NULL : v;
            }
            else
            {
                json.skipValue();
            }
        }
    }

    private FeeType readFeeType()
    {
        if (json.valueLength() == 0)
        {
            return FeeType.UNKNOWN;
        }
        if (json.valueEquals(V_QUADRATIC))
        {
            return FeeType.QUADRATIC;
        }
        if (json.valueEquals(V_QUADRATIC_WITH_MAKER_FEES))
        {
            return FeeType.QUADRATIC_WITH_MAKER_FEES;
        }
        return json.valueEquals(V_FLAT) ? FeeType.FLAT : FeeType.OTHER;
    }

    private void reset()
    {
        java.util.Arrays.fill(ticker, (byte)0);
        tickerLength = 0;
        series = Series.UNKNOWN;
        feeType = FeeType.UNKNOWN;
        feeMultiplier = Scales.NULL;
    }

    /** The series of the last body read (UNKNOWN when not one the engine follows). */
    public Series series()
    {
        return series;
    }

    public FeeType feeType()
    {
        return feeType;
    }

    /** fee_multiplier of the last body read at 1e-9, or {@link Scales#NULL}. */
    public long feeMultiplier()
    {
        return feeMultiplier;
    }

    /** The series ticker of the last body read. */
    public String tickerString()
    {
        return new String(ticker, 0, tickerLength, java.nio.charset.StandardCharsets.US_ASCII);
    }

    public long badBodies()
    {
        return badBodies;
    }
}
