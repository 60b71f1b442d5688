package arb.engine.kalshi;

import java.nio.charset.StandardCharsets;

import arb.journal.Scales;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import org.agrona.DirectBuffer;

/**
 * One Kalshi market as the engine knows it, identified by ticker AND close time (on the night
 * daylight saving ends two windows share a ticker): its state (status, strike, result, settlement
 * value), its order book, and its quote (top of book and when data last confirmed it). Owned by
 * {@link KalshiMarketsStage}, read-only for
 * other stages, and never reused for another market until an hour (kalshi.retainMs) after its
 * close, so the desk and the broker may hold it until settlement.
 */
public final class KalshiInstrument implements KalshiMarketState
{
    public static final int TICKER_CAPACITY = 40;

    final byte[] ticker = new byte[TICKER_CAPACITY];
    int tickerLength;
    long marketId;
    long closeNs = Scales.NULL;
    long openNs = Scales.NULL;
    Series series = Series.UNKNOWN;
    KalshiStatus status = KalshiStatus.UNKNOWN;
    StrikeType strikeType = StrikeType.UNKNOWN;
    PriceStructure priceStructure = PriceStructure.UNKNOWN;
    MarketResult result = MarketResult.NONE;
    long floorStrike = Scales.NULL;
    long capStrike = Scales.NULL;
    long expirationValue = Scales.NULL;

    long stateYesBid = Scales.NULL;
    long stateYesAsk = Scales.NULL;
    long stateYesBidSize = Scales.NULL;
    long stateYesAskSize = Scales.NULL;
    long lastPrice = Scales.NULL;
    long volume = Scales.NULL;
    long openInterest = Scales.NULL;
    long stateNs = Scales.NULL;

    long quoteYesBid = Scales.NULL;
    long quoteYesAsk = Scales.NULL;
    long quoteNs = Scales.NULL;

    long firstSeenNs = Scales.NULL;
    long lastEventNs = Scales.NULL;
    boolean resultNoticed;
    /** A NO_STRIKE notice was emitted (a book arrived while the market stated no strike). */
    boolean noStrikeNoticed;
    boolean inUse;

    final KalshiOrderBook book;
    private final KalshiFeedHealth feed;

    KalshiInstrument(final int levelsPerSide, final KalshiFeedHealth feed)
    {
        book = new KalshiOrderBook(levelsPerSide);
        this.feed = feed;
    }

    void reset(
        final long id, final DirectBuffer tickerBuffer, final int tickerOffset, final int length, final long closeTimeNs)
    {
        marketId = id;
        java.util.Arrays.fill(ticker, (byte)0);
        tickerBuffer.getBytes(tickerOffset, ticker, 0, length);
        tickerLength = length;
        closeNs = closeTimeNs;
        openNs = Scales.NULL;
        series = Series.UNKNOWN;
        status = KalshiStatus.UNKNOWN;
        strikeType = StrikeType.UNKNOWN;
        priceStructure = PriceStructure.UNKNOWN;
        result = MarketResult.NONE;
        floorStrike = Scales.NULL;
        capStrike = Scales.NULL;
        expirationValue = Scales.NULL;
        stateYesBid = Scales.NULL;
        stateYesAsk = Scales.NULL;
        stateYesBidSize = Scales.NULL;
        stateYesAskSize = Scales.NULL;
        lastPrice = Scales.NULL;
        volume = Scales.NULL;
        openInterest = Scales.NULL;
        stateNs = Scales.NULL;
        quoteYesBid = Scales.NULL;
        quoteYesAsk = Scales.NULL;
        quoteNs = Scales.NULL;
        firstSeenNs = Scales.NULL;
        lastEventNs = Scales.NULL;
        resultNoticed = false;
        noStrikeNoticed = false;
        inUse = true;
        book.reset();
    }

    /** Folds in what a KalshiMarket event reported; absent fields keep what was known. */
    void merge(final KalshiMarketDecoder m, final long recvNs)
    {
        if (m.series() != Series.UNKNOWN && m.series() != Series.NULL_VAL)
        {
            series = m.series();
        }
        if (m.status() != KalshiStatus.UNKNOWN && m.status() != KalshiStatus.NULL_VAL)
        {
            status = m.status();
        }
        if (m.strikeType() != StrikeType.UNKNOWN && m.strikeType() != StrikeType.NULL_VAL)
        {
            strikeType = m.strikeType();
        }
        if (m.priceStructure() != PriceStructure.UNKNOWN && m.priceStructure() != PriceStructure.NULL_VAL)
        {
            priceStructure = m.priceStructure();
            book.priceStructure(priceStructure);
        }
        if (m.result() == MarketResult.YES || m.result() == MarketResult.NO || m.result() == MarketResult.VOID)
        {
            result = m.result();
        }
        openNs = keep(openNs, m.openTimeNs());
        floorStrike = keep(floorStrike, m.floorStrike());
        capStrike = keep(capStrike, m.capStrike());
        expirationValue = keep(expirationValue, m.expirationValue());
        final long yesBid = m.yesBid();
        final long yesAsk = m.yesAsk();
        if (yesBid != Scales.NULL || yesAsk != Scales.NULL)
        {
            stateYesBid = yesBid;
            stateYesAsk = yesAsk;
            stateYesBidSize = m.yesBidSize();
            stateYesAskSize = m.yesAskSize();
            stateNs = recvNs;
        }
        lastPrice = keep(lastPrice, m.lastPrice());
        volume = keep(volume, m.volume());
        openInterest = keep(openInterest, m.openInterest());
    }

    private static long keep(final long known, final long reported)
    {
        return reported == Scales.NULL ? known : reported;
    }

    /**
     * Recomputes the quote from the newer of the order book's top (when the book is valid) and the
     * market state's top, and records when data last confirmed it.
     */
    void requote(final long recvNs)
    {
        final long bid;
        final long ask;
        if (book.isValid() && (stateNs == Scales.NULL || book.lastUpdateNs() >= stateNs))
        {
            bid = book.bestYesBid();
            ask = book.yesAsk();
        }
        else
        {
            bid = stateYesBid;
            ask = stateYesAsk;
        }
        if (bid == Scales.NULL && ask == Scales.NULL && quoteNs == Scales.NULL)
        {
            return;
        }
        quoteYesBid = bid;
        quoteYesAsk = ask;
        quoteNs = recvNs;
    }

    // ------------------------------------------------------------------ identity

    /** True when this instrument is the market (ticker bytes, close time). */
    public boolean is(final DirectBuffer buffer, final int offset, final int length, final long closeTimeNs)
    {
        if (closeNs != closeTimeNs || tickerLength != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (ticker[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    /** Unique per (ticker, close time) within a run, in order of first appearance in the input. */
    @Override
    public long marketId()
    {
        return marketId;
    }

    /** NUL-padded ticker bytes ({@link #TICKER_CAPACITY}), the schema's Ticker layout; do not modify. */
    @Override
    public byte[] ticker()
    {
        return ticker;
    }

    public int tickerLength()
    {
        return tickerLength;
    }

    /** Cold path: the ticker as text. */
    public String tickerText()
    {
        return new String(ticker, 0, tickerLength, StandardCharsets.US_ASCII);
    }

    public long closeNs()
    {
        return closeNs;
    }

    @Override
    public long closeTimeNs()
    {
        return closeNs;
    }

    /** Open time (from the market, else the calendar). */
    public long openNs()
    {
        return openNs;
    }

    @Override
    public long openTimeNs()
    {
        return openNs;
    }

    @Override
    public Series series()
    {
        return series;
    }

    // ------------------------------------------------------------------ state

    @Override
    public KalshiStatus status()
    {
        return status;
    }

    /** Trading at {@code nowNs}: inside [open, close) and not reported closed or settled. */
    public boolean isTradingAt(final long nowNs)
    {
        return nowNs < closeNs && (openNs == Scales.NULL || nowNs >= openNs)
            && (status == KalshiStatus.ACTIVE || status == KalshiStatus.UNKNOWN);
    }

    @Override
    public StrikeType strikeType()
    {
        return strikeType;
    }

    /** The strike (USD at 1e-8): for KXBTC15M the previous window's settlement value. */
    @Override
    public long floorStrike()
    {
        return floorStrike;
    }

    @Override
    public long capStrike()
    {
        return capStrike;
    }

    @Override
    public PriceStructure priceStructure()
    {
        return priceStructure;
    }

    @Override
    public MarketResult result()
    {
        return result;
    }

    /** The settlement value Kalshi reported (USD at 1e-8), NULL until known. */
    @Override
    public long expirationValue()
    {
        return expirationValue;
    }

    /** Result and settlement value both known. */
    public boolean hasOutcome()
    {
        return result != MarketResult.NONE && expirationValue != Scales.NULL;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public long volume()
    {
        return volume;
    }

    public long openInterest()
    {
        return openInterest;
    }

    /** Top of book as the market state reported it (REST market object or WS ticker). */
    public long stateYesBid()
    {
        return stateYesBid;
    }

    public long stateYesAsk()
    {
        return stateYesAsk;
    }

    public long stateYesBidSize()
    {
        return stateYesBidSize;
    }

    public long stateYesAskSize()
    {
        return stateYesAskSize;
    }

    @Override
    public KalshiOrderBook book()
    {
        return book;
    }

    // ------------------------------------------------------------------ quote

    /** Best YES bid of the current quote (1e-4 $), NULL when none. */
    public long yesBid()
    {
        return quoteYesBid;
    }

    /** Best YES ask of the current quote (1e-4 $), NULL when none. */
    public long yesAsk()
    {
        return quoteYesAsk;
    }

    /** NO bid = 1 - YES ask. */
    public long noBid()
    {
        return quoteYesAsk == Scales.NULL ? Scales.NULL : KalshiOrderBook.ONE_DOLLAR - quoteYesAsk;
    }

    /** NO ask = 1 - YES bid. */
    public long noAsk()
    {
        return quoteYesBid == Scales.NULL ? Scales.NULL : KalshiOrderBook.ONE_DOLLAR - quoteYesBid;
    }

    @Override
    public boolean isFeedLive()
    {
        final arb.sbe.DataSource source = book.base();
        return source != null && feed.isLive(source) && book.lastUpdateNs() >= feed.liveSinceNs(source);
    }

    /** Receive time of the last data that confirmed the quote, NULL before any. */
    public long quoteNs()
    {
        return quoteNs;
    }

    /** First and last event time about this market. */
    public long firstSeenNs()
    {
        return firstSeenNs;
    }

    public long lastEventNs()
    {
        return lastEventNs;
    }

    @Override
    public String toString()
    {
        return "KalshiInstrument{" + tickerText() + " close=" + closeNs + " status=" + status + " strike=" + floorStrike
            + " quote=" + quoteYesBid + "/" + quoteYesAsk + " result=" + result + " expiration=" + expirationValue + "}";
    }
}
