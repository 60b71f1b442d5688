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
 * value. Reused for every message: no allocation per parse. The ticker is set through
 * {@link #setTicker}; every other field has a getter and a setter of its name.
 */
public final class KalshiMarketFields
{
    /** Bytes of the schema's Ticker field; longer tickers are rejected. */
    public static final int TICKER_CAPACITY = 40;

    /** Ticker bytes, NUL padded to {@link #TICKER_CAPACITY} (the layout the SBE field expects). */
    public final byte[] ticker = new byte[TICKER_CAPACITY];
    /** A view of {@link #ticker} for the calendar's buffer-based parsing. */
    public final UnsafeBuffer tickerBuffer = new UnsafeBuffer(ticker);
    private int tickerLength;

    private Series series = Series.UNKNOWN;
    private KalshiStatus status = KalshiStatus.UNKNOWN;
    private StrikeType strikeType = StrikeType.UNKNOWN;
    private MarketResult result = MarketResult.NONE;
    private PriceStructure priceStructure = PriceStructure.UNKNOWN;
    private long venueNs;
    private long openTimeNs;
    private long closeTimeNs;
    private long floorStrike;
    private long capStrike;
    private long yesBid;
    private long yesAsk;
    private long noBid;
    private long noAsk;
    private long yesBidSize;
    private long yesAskSize;
    private long lastPrice;
    private long volume;
    private long openInterest;
    private long expirationValue;

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

    /** Bytes of the ticker in {@link #ticker}; 0 when none. */
    public int tickerLength()
    {
        return tickerLength;
    }

    public Series series()
    {
        return series;
    }

    public void series(final Series series)
    {
        this.series = series;
    }

    public KalshiStatus status()
    {
        return status;
    }

    public void status(final KalshiStatus status)
    {
        this.status = status;
    }

    public StrikeType strikeType()
    {
        return strikeType;
    }

    public void strikeType(final StrikeType strikeType)
    {
        this.strikeType = strikeType;
    }

    public MarketResult result()
    {
        return result;
    }

    public void result(final MarketResult result)
    {
        this.result = result;
    }

    public PriceStructure priceStructure()
    {
        return priceStructure;
    }

    public void priceStructure(final PriceStructure priceStructure)
    {
        this.priceStructure = priceStructure;
    }

    public long venueNs()
    {
        return venueNs;
    }

    public void venueNs(final long venueNs)
    {
        this.venueNs = venueNs;
    }

    public long openTimeNs()
    {
        return openTimeNs;
    }

    public void openTimeNs(final long openTimeNs)
    {
        this.openTimeNs = openTimeNs;
    }

    public long closeTimeNs()
    {
        return closeTimeNs;
    }

    public void closeTimeNs(final long closeTimeNs)
    {
        this.closeTimeNs = closeTimeNs;
    }

    public long floorStrike()
    {
        return floorStrike;
    }

    public void floorStrike(final long floorStrike)
    {
        this.floorStrike = floorStrike;
    }

    public long capStrike()
    {
        return capStrike;
    }

    public void capStrike(final long capStrike)
    {
        this.capStrike = capStrike;
    }

    public long yesBid()
    {
        return yesBid;
    }

    public void yesBid(final long yesBid)
    {
        this.yesBid = yesBid;
    }

    public long yesAsk()
    {
        return yesAsk;
    }

    public void yesAsk(final long yesAsk)
    {
        this.yesAsk = yesAsk;
    }

    public long noBid()
    {
        return noBid;
    }

    public void noBid(final long noBid)
    {
        this.noBid = noBid;
    }

    public long noAsk()
    {
        return noAsk;
    }

    public void noAsk(final long noAsk)
    {
        this.noAsk = noAsk;
    }

    public long yesBidSize()
    {
        return yesBidSize;
    }

    public void yesBidSize(final long yesBidSize)
    {
        this.yesBidSize = yesBidSize;
    }

    public long yesAskSize()
    {
        return yesAskSize;
    }

    public void yesAskSize(final long yesAskSize)
    {
        this.yesAskSize = yesAskSize;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public void lastPrice(final long lastPrice)
    {
        this.lastPrice = lastPrice;
    }

    public long volume()
    {
        return volume;
    }

    public void volume(final long volume)
    {
        this.volume = volume;
    }

    public long openInterest()
    {
        return openInterest;
    }

    public void openInterest(final long openInterest)
    {
        this.openInterest = openInterest;
    }

    public long expirationValue()
    {
        return expirationValue;
    }

    public void expirationValue(final long expirationValue)
    {
        this.expirationValue = expirationValue;
    }
}
