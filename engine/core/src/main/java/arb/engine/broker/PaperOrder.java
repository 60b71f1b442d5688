package arb.engine.broker;

import arb.engine.model.KalshiFees;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.journal.Strategy;

/** A limit immediate-or-cancel paper order between its decision and its fill. Pooled. */
final class PaperOrder
{
    long orderId;
    Strategy strategy;
    BrokerMarket market;
    ContractSide side;
    OrderAction action;
    long limitPrice;
    long qty;
    long decisionNs;
    long dueNs;
    long filledQty;
    long feeBase;
    long feeCharged;
    /** The fee schedule of the order's series when it was sent: every fill of the order pays by it. */
    KalshiFees fees;
    long reservedCost;
    /** Sum of fill price x qty (money). */
    long notional;

    boolean isBuy()
    {
        return action == OrderAction.BUY;
    }
}
