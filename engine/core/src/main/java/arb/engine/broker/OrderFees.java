package arb.engine.broker;

import arb.engine.model.KalshiFees;

/**
 * The taker fees of paper orders: Kalshi's per-order accumulator (each fill pays what the order's
 * total fee so far adds, {@link KalshiFees#takerFeeOfBase}) and the worst case a buy reserves.
 */
final class OrderFees
{
    private final KalshiFees fees;

    OrderFees(final KalshiFees fees)
    {
        this.fees = fees;
    }

    KalshiFees kalshiFees()
    {
        return fees;
    }

    /** Worst-case cost of a buy: limit × qty plus the taker fee at the limit. */
    long worstCaseBuyCost(final long limitPrice, final long qty)
    {
        return limitPrice * qty + fees.takerFee(qty, limitPrice);
    }

    /** The fee of one fill of the order, added to the order's accumulator. */
    long chargeFill(final PaperOrder o, final long price, final long qty)
    {
        o.feeBase += KalshiFees.feeBase(qty, price);
        final long fee = fees.takerFeeOfBase(o.feeBase) - o.feeCharged;
        o.feeCharged += fee;
        return fee;
    }
}
