package arb.engine.strategy;

import arb.journal.Strategy;

/**
 * A trading strategy: judges one market at one moment from a {@link MarketSnapshot} and acts
 * through the {@link TradingDesk} (which applies the common guards, emits the Signal and submits
 * the order to its own book at the paper broker). Called on the chain thread, in a fixed order,
 * for every market on every Kalshi book update and every clock tick; must not allocate.
 */
public interface TradingStrategy
{
    /** Which book (and Signal/Order/Fill tag) the strategy trades under. */
    Strategy id();

    /** True when a stale or missing index must block its entries. */
    boolean usesIndex();

    /** Exits for its position in the market, then at most one entry decision. */
    void evaluate(MarketSnapshot snapshot, TradingDesk desk);
}
