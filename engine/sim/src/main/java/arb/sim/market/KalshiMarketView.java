package arb.sim.market;

/**
 * One simulated Kalshi market as a poller would see it: identity, status, strike, top of book,
 * and its YES/NO bid ladders in Kalshi's order (ascending price, best bid LAST). Prices at 1e-4 $,
 * counts at 1e-2 contracts, strike and expiration value at 1e-8 USD. Owned by the model; valid only
 * during the listener call.
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

    public String ticker;
    public long openNs;
    public long closeNs;
    public int status;
    public long strike;
    public long yesBid = NULL;
    public long yesAsk = NULL;
    public long yesBidSize;
    public long yesAskSize;
    public long lastPrice = NULL;
    public long volume;
    public int result;
    public long expirationValue = NULL;

    public final long[] yesBidPrice = new long[32];
    public final long[] yesBidQty = new long[32];
    public int yesLevels;
    public final long[] noBidPrice = new long[32];
    public final long[] noBidQty = new long[32];
    public int noLevels;

    /** NO bid = 1 - YES ask; NO ask = 1 - YES bid. */
    public long noBid()
    {
        return yesAsk == NULL ? NULL : 10_000 - yesAsk;
    }

    public long noAsk()
    {
        return yesBid == NULL ? NULL : 10_000 - yesBid;
    }
}
