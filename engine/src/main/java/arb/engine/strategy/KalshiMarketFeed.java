package arb.engine.strategy;

import arb.engine.broker.KalshiMarketState;

/**
 * The Kalshi stage as the trading stage reads it, right after that stage handled the current
 * input event (it runs earlier in the chain).
 */
public interface KalshiMarketFeed
{
    /**
     * The market the current KalshiBook or KalshiMarket event updated; null when it updated none
     * (an unknown market, a snapshot part that is not the last, a rejected event).
     */
    KalshiMarketState lastUpdated();

    /** True when the current event completed a snapshot that replaced the market's whole book. */
    boolean lastReplacedBook();
}
