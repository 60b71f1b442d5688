package arb.engine.results;

import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.sbe.Strategy;

/** One paper order as the results follow it: its terms, the signal behind it and what it filled. */
final class OrderRecord
{
    final long orderId;
    final Strategy strategy;
    final ContractSide side;
    final OrderAction action;
    final MarketRecord market;
    final long limitPrice;
    final long qty;
    final long decisionNs;
    long filledQty;
    long fees;
    long edge = Scales.NULL;
    long fairValue = Scales.NULL;
    /** The signal the order came from, valid while writing the order's line. */
    TradingResults.SignalMemo reason;

    OrderRecord(
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
    }

    boolean isBuy()
    {
        return action == OrderAction.BUY;
    }
}
