package arb.engine.results;

/**
 * Running totals of one strategy (or of the whole portfolio) built from output events. Money at
 * 1e-6 $, quantities at 1e-2 contracts, probabilities at 1e-6. Equity is mark-to-market: cash
 * (purchases, sales, fees, payouts) plus the open positions at their last mark; it is sampled once
 * per distinct event time, after every output of that instant, so a settlement's two sides or a fill
 * and its mark never show as a transient dip.
 */
final class StrategyTally
{
    long signals;
    long entrySignals;
    long exitSignals;
    long predictions;
    long orders;
    long buyOrders;
    long sellOrders;
    long ordersFilled;
    long ordersPartial;
    long ordersUnfilled;
    long fills;
    long boughtQty;
    long boughtNotional;
    long soldQty;
    long soldProceeds;
    long fees;
    long cash;
    long mark;
    long exposure;
    long positionsOpened;
    long positionsSettled;
    long wins;
    long losses;
    long settledOfficial;
    long settledEstimated;
    long settledPnl;
    long settledFees;
    long entryEdgeQtySum;
    long entryQty;
    long fillEdgeQtySum;
    long fillEdgeQty;
    long reconcileMismatches;

    // sampled
    long peakEquity;
    long maxDrawdown;
    long maxDrawdownNs = Long.MIN_VALUE;
    long maxExposure;
    long lastEquity;

    /** Zeroes the additive counts (a reused scratch tally for the portfolio row). */
    void reset()
    {
        signals = entrySignals = exitSignals = predictions = orders = buyOrders = sellOrders = 0;
        ordersFilled = ordersPartial = ordersUnfilled = fills = boughtQty = boughtNotional = soldQty = soldProceeds = 0;
        fees = cash = mark = exposure = positionsOpened = positionsSettled = wins = losses = 0;
        settledOfficial = settledEstimated = settledPnl = settledFees = entryEdgeQtySum = entryQty = 0;
        fillEdgeQtySum = fillEdgeQty = reconcileMismatches = 0;
    }

    long equity()
    {
        return cash + mark;
    }

    /** Samples the equity curve and exposure at an instant; returns true when equity changed. */
    boolean sample(final long nowNs, final long equity, final long exposureNow)
    {
        if (equity > peakEquity)
        {
            peakEquity = equity;
        }
        final long drawdown = peakEquity - equity;
        if (drawdown > maxDrawdown)
        {
            maxDrawdown = drawdown;
            maxDrawdownNs = nowNs;
        }
        if (exposureNow > maxExposure)
        {
            maxExposure = exposureNow;
        }
        final boolean changed = equity != lastEquity;
        lastEquity = equity;
        return changed;
    }

    /** Adds another tally's additive counts (portfolio totals; sampled values are not added). */
    void addCounts(final StrategyTally o)
    {
        signals += o.signals;
        entrySignals += o.entrySignals;
        exitSignals += o.exitSignals;
        predictions += o.predictions;
        orders += o.orders;
        buyOrders += o.buyOrders;
        sellOrders += o.sellOrders;
        ordersFilled += o.ordersFilled;
        ordersPartial += o.ordersPartial;
        ordersUnfilled += o.ordersUnfilled;
        fills += o.fills;
        boughtQty += o.boughtQty;
        boughtNotional += o.boughtNotional;
        soldQty += o.soldQty;
        soldProceeds += o.soldProceeds;
        fees += o.fees;
        cash += o.cash;
        mark += o.mark;
        exposure += o.exposure;
        positionsOpened += o.positionsOpened;
        positionsSettled += o.positionsSettled;
        wins += o.wins;
        losses += o.losses;
        settledOfficial += o.settledOfficial;
        settledEstimated += o.settledEstimated;
        settledPnl += o.settledPnl;
        settledFees += o.settledFees;
        entryEdgeQtySum += o.entryEdgeQtySum;
        entryQty += o.entryQty;
        fillEdgeQtySum += o.fillEdgeQtySum;
        fillEdgeQty += o.fillEdgeQty;
        reconcileMismatches += o.reconcileMismatches;
    }
}
