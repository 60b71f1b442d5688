package arb.feeds.kalshi;

import arb.journal.Scales;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One Kalshi market's state as a parser read it, in primitives at the schema's scales: the scratch
 * a parser fills before it publishes a {@code KalshiMarket} event, and what the poller inspects to
 * decide what to poll next. Absent numbers hold {@link Scales#NULL}; absent enums their UNKNOWN/NONE
 * value. Reused for every message: no allocation per parse.
 */
public final class KalshiMarketFields
{
    /** Bytes of the schema's Ticker field; longer tickers are rejected. */
    public static final int TICKER_CAPACITY = 40;

    /** Ticker bytes, NUL padded to {@link #TICKER_CAPACITY} (the layout the SBE field expects). */
    public final byte[] ticker = new byte[TICKER_CAPACITY];
    /** A view of {@link #ticker} for the calendar's buffer-based parsing. */
    public final UnsafeBuffer tickerBuffer = new UnsafeBuffer(ticker);
    public int tickerLength;

    public Series series = Series.UNKNOWN;
    public KalshiStatus status = KalshiStatus.UNKNOWN;
    public StrikeType strikeType = StrikeType.UNKNOWN;
    public MarketResult result = MarketResult.NONE;
    public PriceStructure priceStructure = PriceStructure.UNKNOWN;
    public long venueNs;
    public long openTimeNs;
    public long closeTimeNs;
    public long floorStrike;
    public long capStrike;
    public long yesBid;
    public long yesAsk;
    public long noBid;
    public long noAsk;
    public long yesBidSize;
    public long yesAskSize;
    public long lastPrice;
    public long volume;
    public long openInterest;
    public long expirationValue;

    public KalshiMarketFields()
    {
        reset();
    }

    public void reset()
    {
        java.util.Arrays.fill(ticker, (byte)0);
        tickerLength = 0;
        series = Series.UNKNOWN;
        status = KalshiStatus.UNKNOWN;
        strikeType = StrikeType.UNKNOWN;
        result = MarketResult.NONE;
        priceStructure = PriceStructure.UNKNOWN;
        venueNs = Scales.NULL;
        openTimeNs = Scales.NULL;
        closeTimeNs = Scales.NULL;
        floorStrike = Scales.NULL;
        capStrike = Scales.NULL;
        yesBid = Scales.NULL;
        yesAsk = Scales.NULL;
        noBid = Scales.NULL;
        noAsk = Scales.NULL;
        yesBidSize = Scales.NULL;
        yesAskSize = Scales.NULL;
        lastPrice = Scales.NULL;
        volume = Scales.NULL;
        openInterest = Scales.NULL;
        expirationValue = Scales.NULL;
    }

    /** Copies {@code buffer[from, to)} as the ticker; false (ticker cleared) if it does not fit. */
    public boolean setTicker(final DirectBuffer buffer, final int from, final int to)
    {
        final int length = to - from;
        java.util.Arrays.fill(ticker, (byte)0);
        if (length <= 0 || length > TICKER_CAPACITY)
        {
            tickerLength = 0;
            return false;
        }
        buffer.getBytes(from, ticker, 0, length);
        tickerLength = length;
        return true;
    }

    public void setTicker(final byte[] src, final int length)
    {
        java.util.Arrays.fill(ticker, (byte)0);
        System.arraycopy(src, 0, ticker, 0, length);
        tickerLength = length;
    }

    /** True when the market is settled as far as the engine cares: a result and the settlement value. */
    public boolean hasOutcome()
    {
        return (result == MarketResult.YES || result == MarketResult.NO || result == MarketResult.VOID)
            && expirationValue != Scales.NULL;
    }

    public boolean tickerEquals(final byte[] other, final int otherLength)
    {
        if (otherLength != tickerLength)
        {
            return false;
        }
        for (int i = 0; i < otherLength; i++)
        {
            if (ticker[i] != other[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Cold path: the ticker as text (logs, tests). */
    public String tickerString()
    {
        return new String(ticker, 0, tickerLength, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
