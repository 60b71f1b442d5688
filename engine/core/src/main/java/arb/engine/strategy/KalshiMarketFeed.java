package arb.engine.strategy;

import arb.engine.broker.KalshiMarketState;
import arb.engine.chain.InputEvent;

/**
 * The Kalshi stage as the trading stage reads it. For each KalshiBook or KalshiMarket input event,
 * after the Kalshi stage (earlier in the chain) applied it, the trading stage calls
 * {@link #onKalshiEvent} and then reads which market the event updated.
 *
 * <p>The states handed out must stay valid and keep their identity (ticker, close time, strike,
 * result) for as long as the desk and broker hold them, even if the Kalshi stage reuses its own
 * record for another market: positions are held past the close until settlement.
 */
public interface KalshiMarketFeed
{
    /** Resolves the market the current KalshiBook/KalshiMarket event is about. */
    void onKalshiEvent(InputEvent event);

    /**
     * The market the current event updated; null when it updated none (an unknown market, a
     * snapshot part that is not the last, an event the book rejected).
     */
    KalshiMarketState lastUpdated();

    /** True when the current event completed a snapshot that replaced the market's whole book. */
    boolean lastReplacedBook();
}
