package arb.engine.kalshi;

/**
 * The read-only port through which downstream stages (the trading desk) read what the Kalshi stage
 * applied for the current KalshiBook or KalshiMarket input event: which market it updated and
 * whether it replaced that market's whole book. The Kalshi stage runs earlier in the chain and
 * applies each event exactly once; readers never apply events themselves.
 *
 * <p>The states handed out stay valid and keep their identity (ticker, close time, strike, result)
 * for as long as the desk and broker hold them, even if the Kalshi stage reuses its own record for
 * another market: positions are held past the close until settlement.
 */
public interface KalshiMarketsView
{
    /**
     * The market the current event updated; null when it updated none (an unknown market, a
     * snapshot part that is not the last, an event the book rejected).
     */
    KalshiMarketState lastUpdated();

    /** True when the current event completed a snapshot that replaced the market's whole book. */
    boolean lastReplacedBook();
}
