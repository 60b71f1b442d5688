package arb.engine.results;

import arb.journal.Strategy;

/**
 * Publishes the results' totals to {@link TradingStatus} for other threads (the live status line):
 * at most once per second of event time, and at the end of the run.
 *
 * <p>Part of {@link TradingResults}: chain thread, no allocation (the portfolio row is a reused tally).
 */
final class StatusPublisher
{
    private static final long SNAPSHOT_EVERY_NS = 1_000_000_000L;

    private final TradingStatus status;
    private final StrategyTally portfolioFigures = new StrategyTally();
    private long lastSnapshotNs = Long.MIN_VALUE;

    StatusPublisher(final TradingStatus status)
    {
        this.status = status;
    }

    private Strategy[] all = TradingResults.STRATEGIES;

    /** Publishes when a second of event time passed since the last publication. */
    void maybePublish(final long nowNs, final TradeBook trades)
    {
        if (lastSnapshotNs == Long.MIN_VALUE || nowNs - lastSnapshotNs >= SNAPSHOT_EVERY_NS)
        {
            publish(nowNs, trades);
        }
    }

    /** The run's strategies, plugins included: one row each, and the portfolio row sums them. */
    void strategies(final Strategy[] strategies)
    {
        this.all = strategies.clone();
    }

    void publish(final long nowNs, final TradeBook trades)
    {
        lastSnapshotNs = nowNs;
        status.beginWrite(nowNs);
        portfolioFigures.reset();
        for (int i = 0; i < all.length; i++)
        {
            final Strategy s = all[i];
            final StrategyTally t = trades.tally(s);
            status.row(i, s, t, t.equity(), trades.openPositionCount(s));
            portfolioFigures.addCounts(t);
        }
        status.row(all.length, null, portfolioFigures, portfolioFigures.equity(), trades.openPositionCount(null));
        status.endWrite();
    }

    /** The latest totals, safe to read from any thread. */
    TradingSummary read()
    {
        return status.read();
    }
}
