package arb.engine.results;

import arb.journal.Strategy;

/**
 * Mark-to-market equity sampled once per distinct event time: each strategy's curve (peak,
 * drawdown, exposure, kept in its {@link StrategyTally}), the portfolio's own curve, and the
 * {@link EquitySeries} the reports draw when one is recorded.
 *
 * <p>Part of {@link TradingResults}: chain thread, no allocation per sample.
 */
final class EquityCurve
{
    private final StrategyTally portfolioCurve = new StrategyTally();
    private final EquitySeries series;
    /** The strategies sampled: the engine's own, and the run's plugins once its RunParams named them. */
    private Strategy[] strategies = TradingResults.STRATEGIES;

    /** @param series where the equity curve is recorded (reports), or null */
    EquityCurve(final EquitySeries series)
    {
        this.series = series;
    }

    /** The run's strategies (before the first sample): the series gets one column each, then the portfolio's. */
    void strategies(final Strategy[] all)
    {
        this.strategies = all.clone();
        if (series != null)
        {
            series.columns(all.length + 1);
        }
    }

    /** Samples every strategy's equity and the portfolio's at {@code nowNs}; records a point when any changed. */
    void sample(final long nowNs, final TradeBook trades)
    {
        long equity = 0;
        long exposure = 0;
        boolean changed = false;
        for (final Strategy s : strategies)
        {
            final StrategyTally t = trades.tally(s);
            changed |= t.sample(nowNs, t.equity(), t.exposure);
            equity += t.equity();
            exposure += t.exposure;
        }
        changed |= portfolioCurve.sample(nowNs, equity, exposure);
        if (changed && series != null)
        {
            series.add(nowNs);
            for (int i = 0; i < strategies.length; i++)
            {
                series.set(i, trades.tally(strategies[i]).equity());
            }
            series.set(strategies.length, equity);
        }
    }

    /** Copies the portfolio's own curve figures (peak, drawdown, exposure) into {@code p}. */
    void portfolioFigures(final StrategyTally p)
    {
        p.peakEquity = portfolioCurve.peakEquity;
        p.maxDrawdown = portfolioCurve.maxDrawdown;
        p.maxDrawdownNs = portfolioCurve.maxDrawdownNs;
        p.maxExposure = portfolioCurve.maxExposure;
    }
}
