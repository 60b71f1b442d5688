package arb.engine.kalshi;

import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;

/**
 * What the strategies and the broker read about one Kalshi market. A market is identified by its
 * ticker AND its close time (on the night daylight saving ends two windows share a ticker string);
 * {@link #marketId()} stands for that pair within a run and must be assigned deterministically
 * (e.g. in order of first appearance in the input), since positions and orders are keyed by it.
 */
public interface KalshiMarketState
{
    /** Unique per (ticker, close time) within a run, assigned deterministically. */
    long marketId();

    /** The ticker as the schema's Ticker field: 40 bytes of ASCII, NUL padded. */
    byte[] ticker();

    Series series();

    long openTimeNs();

    long closeTimeNs();

    StrikeType strikeType();

    /** Floor strike (1e-8 USD), or {@link arb.journal.Scales#NULL}. */
    long floorStrike();

    /** Cap strike (1e-8 USD), or {@link arb.journal.Scales#NULL}. */
    long capStrike();

    PriceStructure priceStructure();

    KalshiStatus status();

    /** Kalshi's official result once published, else NONE. */
    MarketResult result();

    /** Kalshi's settlement average (1e-8 USD) once published, else {@link arb.journal.Scales#NULL}. */
    long expirationValue();

    KalshiLadders book();

    /**
     * Whether the Kalshi feed component that delivered the book (REST poller or WebSocket) is live
     * and, after an outage of it, has delivered this market's book again since it recovered.
     */
    boolean isFeedLive();

    /**
     * The one Kalshi quote freshness rule, applied by the entry guards of every strategy: the book
     * is valid, was received no longer than {@code maxAgeNs} before {@code nowNs}, and its feed is
     * live ({@link #isFeedLive()}).
     */
    default boolean isQuoteFresh(final long nowNs, final long maxAgeNs)
    {
        final KalshiLadders book = book();
        final long last = book.lastUpdateNs();
        return book.isValid() && last != Long.MIN_VALUE && nowNs - last <= maxAgeNs && isFeedLive();
    }
}
