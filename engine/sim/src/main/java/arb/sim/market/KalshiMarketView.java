package arb.sim.market;

/**
 * One simulated Kalshi market as a poller would see it: identity, status, strike, top of book,
 * and its YES/NO bid ladders in Kalshi's order (ascending price, best bid LAST). Prices at 1e-4 $,
 * counts at 1e-2 contracts, strike and expiration value at 1e-8 USD. Owned (and written) by the model;
 * valid only during the listener call.
 */
public final class KalshiMarketView
{
    public static final int STATUS_ACTIVE = 3;
    public static final int STATUS_CLOSED = 4;
    public static final int STATUS_DETERMINED = 5;
    public static final int RESULT_NONE = 0;
    public static final int RESULT_YES = 1;
    public static final int RESULT_NO = 2;
    public static final long NULL = Long.MIN_VALUE;
    /** A KXBTC15M window: one market, YES when the average is at least the strike. */
    public static final int SERIES_KXBTC15M = 0;
    /** A KXBTCD strike market: one of an hourly event's strikes, YES when the average is above it. */
    public static final int SERIES_KXBTCD = 1;

    int series = SERIES_KXBTC15M;
    String eventTicker;
    String ticker;
    long openNs;
    long closeNs;
    int status;
    long strike;
    long yesBid = NULL;
    long yesAsk = NULL;
    long yesBidSize;
    long yesAskSize;
    long lastPrice = NULL;
    long volume;
    int result;
    long expirationValue = NULL;

    final long[] yesBidPrice = new long[32];
    final long[] yesBidQty = new long[32];
    int yesLevels;
    final long[] noBidPrice = new long[32];
    final long[] noBidQty = new long[32];
    int noLevels;

    /** {@link #SERIES_KXBTC15M} or {@link #SERIES_KXBTCD}. */
    public int series()
    {
        return series;
    }

    /** The event ticker (a KXBTC15M window's is its market ticker without the {@code -MM} suffix). */
    public String eventTicker()
    {
        return eventTicker;
    }

    public String ticker()
    {
        return ticker;
    }

    public long openNs()
    {
        return openNs;
    }

    public long closeNs()
    {
        return closeNs;
    }

    public int status()
    {
        return status;
    }

    public long strike()
    {
        return strike;
    }

    public long yesBidSize()
    {
        return yesBidSize;
    }

    public long yesAskSize()
    {
        return yesAskSize;
    }

    public long yesBid()
    {
        return yesBid;
    }

    public long yesAsk()
    {
        return yesAsk;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public long volume()
    {
        return volume;
    }

    public int result()
    {
        return result;
    }

    public long expirationValue()
    {
        return expirationValue;
    }

    public int yesLevels()
    {
        return yesLevels;
    }

    public int noLevels()
    {
        return noLevels;
    }

    public long yesBidPrice(final int level)
    {
        return yesBidPrice[level];
    }

    public long yesBidQty(final int level)
    {
        return yesBidQty[level];
    }

    public long noBidPrice(final int level)
    {
        return noBidPrice[level];
    }

    public long noBidQty(final int level)
    {
        return noBidQty[level];
    }

    /** Copies the first {@code n} YES bid levels (prices, quantities) into the given arrays. */
    public void copyYesBids(final long[] prices, final long[] qtys, final int n)
    {
        System.arraycopy(yesBidPrice, 0, prices, 0, n);
        System.arraycopy(yesBidQty, 0, qtys, 0, n);
    }

    /** Copies the first {@code n} NO bid levels (prices, quantities) into the given arrays. */
    public void copyNoBids(final long[] prices, final long[] qtys, final int n)
    {
        System.arraycopy(noBidPrice, 0, prices, 0, n);
        System.arraycopy(noBidQty, 0, qtys, 0, n);
    }

    /** NO bid = 1 - YES ask; NO ask = 1 - YES bid. */
    public long noBid()
    {
        return yesAsk == NULL ? NULL : 10_000 - yesAsk;
    }

    public long noAsk()
    {
        return yesBid == NULL ? NULL : 10_000 - yesBid;
    }

    /**
     * Publishes a closed market as a poller sees it at {@code t}: determined once {@code settleNs} has
     * passed, and until then without its result or expiration value (the model knows them early;
     * Kalshi shows them only once determined).
     */
    void publishClosed(final long t, final long settleNs, final MarketListener listener)
    {
        if (t >= settleNs)
        {
            status = STATUS_DETERMINED;
        }
        final int knownResult = result;
        final long knownExpiration = expirationValue;
        if (status != STATUS_DETERMINED)
        {
            result = RESULT_NONE;
            expirationValue = NULL;
        }
        listener.onKalshiMarket(t, this);
        result = knownResult;
        expirationValue = knownExpiration;
    }
}
