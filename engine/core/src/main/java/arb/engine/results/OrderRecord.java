package arb.engine.results;

import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.journal.Strategy;

/**
 * One paper order as the results follow it: its terms, the signal behind it and what it filled.
 * Pooled by {@link OrderTable}: taken with {@link #reset} when its Order event arrives, reused once
 * the order is over.
 */
final class OrderRecord
{
    long orderId;
    Strategy strategy;
    ContractSide side;
    OrderAction action;
    MarketRecord market;
    long limitPrice;
    long qty;
    long decisionNs;
    long filledQty;
    long fees;
    long edge = Scales.NULL;
    long fairValue = Scales.NULL;
    /** True once nothing more can happen to the order (filled, cancelled or its end reported). */
    boolean done;
    /** The signal the order came from, valid while writing the order's line. */
    TradeBook.SignalMemo reason;

    void reset(
        final long orderId,
        final Strategy strategy,
        final ContractSide side,
        final OrderAction action,
        final MarketRecord market,
        final long limitPrice,
        final long qty,
        final long decisionNs)
    {
        this.orderId = orderId;
        this.strategy = strategy;
        this.side = side;
        this.action = action;
        this.market = market;
        this.limitPrice = limitPrice;
        this.qty = qty;
        this.decisionNs = decisionNs;
        filledQty = 0;
        fees = 0;
        edge = Scales.NULL;
        fairValue = Scales.NULL;
        done = false;
        reason = null;
    }

    boolean isBuy()
    {
        return action == OrderAction.BUY;
    }
}
