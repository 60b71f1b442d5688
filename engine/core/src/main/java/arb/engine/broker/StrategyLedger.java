package arb.engine.broker;

import arb.journal.Strategy;

/**
 * One strategy's book: cash results, exposure and counts, kept by the broker as fills, marks and
 * settlements happen. Each strategy has its own, so strategies never net against each other.
 * Money at 1e-6 $.
 *
 * <p>Exposure is what the strategy can still lose: the cost basis of open positions plus the
 * worst-case cost (limit × quantity + fee) of buy orders not yet filled. The day's PnL (for the
 * daily loss limit) is the PnL realised since 00:00 UTC of event time plus the unrealised PnL of
 * open positions at their marks.
 */
public final class StrategyLedger
{
    private static final long NS_PER_DAY = 86_400_000_000_000L;

    private final Strategy strategy;
    long realizedPnl;
    long fees;
    long openCost;
    long pendingCost;
    long unrealized;
    long day = Long.MIN_VALUE;
    long dayRealized;
    long orders;
    long rejectedOrders;
    long fills;
    long filledQty;
    long positionsOpened;
    long positionsSettled;
    long settledOnEstimate;
    long wins;
    long losses;

    StrategyLedger(final Strategy strategy)
    {
        this.strategy = strategy;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    /** Realised PnL after fees, over the run. */
    public long realizedPnl()
    {
        return realizedPnl;
    }

    /** Every fee paid, over the run. */
    public long fees()
    {
        return fees;
    }

    /** Unrealised PnL of open positions at their marks. */
    public long unrealizedPnl()
    {
        return unrealized;
    }

    /** Realised plus unrealised. */
    public long netPnl()
    {
        return realizedPnl + unrealized;
    }

    /** Cost basis of open positions plus worst-case cost of pending buys. */
    public long exposure()
    {
        return openCost + pendingCost;
    }

    /** PnL of the UTC day containing {@code nowNs}: realised that day plus unrealised now. */
    public long dayPnl(final long nowNs)
    {
        rollDay(nowNs);
        return dayRealized + unrealized;
    }

    public long orders()
    {
        return orders;
    }

    public long rejectedOrders()
    {
        return rejectedOrders;
    }

    public long fills()
    {
        return fills;
    }

    public long filledQty()
    {
        return filledQty;
    }

    public long positionsOpened()
    {
        return positionsOpened;
    }

    public long positionsSettled()
    {
        return positionsSettled;
    }

    public long settledOnEstimate()
    {
        return settledOnEstimate;
    }

    public long wins()
    {
        return wins;
    }

    public long losses()
    {
        return losses;
    }

    void realize(final long nowNs, final long amount)
    {
        rollDay(nowNs);
        realizedPnl += amount;
        dayRealized += amount;
    }

    private void rollDay(final long nowNs)
    {
        final long d = Math.floorDiv(nowNs, NS_PER_DAY);
        if (d != day)
        {
            day = d;
            dayRealized = 0;
        }
    }
}
