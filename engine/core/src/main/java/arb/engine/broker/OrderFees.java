package arb.engine.broker;

import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.KalshiFees;

/**
 * The taker fees of paper orders: Kalshi's per-order accumulator (each fill pays what the order's
 * total fee so far adds, {@link KalshiFees#takerFeeOfBase}) under the schedule of the order's series
 * as it stood when the order was sent ({@link SeriesFees}), and the worst case a buy reserves.
 */
final class OrderFees
{
    private final SeriesFees fees;

    OrderFees(final SeriesFees fees)
    {
        this.fees = fees;
    }

    SeriesFees seriesFees()
    {
        return fees;
    }

    /** The schedule charged in the market's series now. */
    KalshiFees of(final KalshiMarketState market)
    {
        return fees.of(market.series());
    }

    /** Worst-case cost of a buy under a schedule: limit × qty plus the taker fee at the limit. */
    static long worstCaseBuyCost(final KalshiFees schedule, final long limitPrice, final long qty)
    {
        return limitPrice * qty + schedule.takerFee(qty, limitPrice);
    }

    /** The fee of one fill of the order, added to the order's accumulator (the order's own schedule). */
    long chargeFill(final PaperOrder o, final long price, final long qty)
    {
        o.feeBase += KalshiFees.feeBase(qty, price);
        final long fee = o.fees.takerFeeOfBase(o.feeBase) - o.feeCharged;
        o.feeCharged += fee;
        return fee;
    }
}
