package arb.engine.broker;

import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Strategy;

/**
 * The broker's record of one market it has orders or positions in: each strategy's position, the
 * reservations of its orders in flight, and the liquidity paper orders took from the book. Pooled
 * ({@link BrokerMarkets}).
 */
final class BrokerMarket
{
    static final int STRATEGY_SLOTS = Strategy.SLOTS;

    KalshiMarketState state;
    final Position[] positions = new Position[STRATEGY_SLOTS];
    final long[] pendingCost = new long[STRATEGY_SLOTS];
    final int[] pendingOrders = new int[STRATEGY_SLOTS];
    final LiquidityOverlay overlay = new LiquidityOverlay();
    boolean settled;

    void reset(final KalshiMarketState state)
    {
        this.state = state;
        for (int i = 0; i < STRATEGY_SLOTS; i++)
        {
            positions[i] = null;
            pendingCost[i] = 0;
            pendingOrders[i] = 0;
        }
        overlay.clear();
        settled = false;
    }
}
