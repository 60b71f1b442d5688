package arb.engine.lag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import arb.engine.kalshi.KalshiMarketState;
import arb.engine.strategy.MarketSnapshot;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingStrategy;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * A strategy that never trades and records, for every market the desk evaluates, the engine's own
 * fair value P(YES) at each evaluation and Kalshi's mid at each received quote: the observations
 * the lag analysis works on, read through the same index, Kalshi markets and fair value model the
 * strategies trade on. Analysis only (allocates per new market).
 */
public final class LagProbe implements TradingStrategy
{
    private static final double ONE_DOLLAR = 10_000.0;

    private final Map<Long, MarketTrace> byId = new HashMap<>();
    private final List<MarketTrace> traces = new ArrayList<>();

    @Override
    public Strategy id()
    {
        // Never enters: the id only names the book a strategy would trade under.
        return Strategy.FAIR_VALUE;
    }

    @Override
    public boolean usesIndex()
    {
        return true;
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        final KalshiMarketState m = s.market();
        final MarketTrace t = trace(m);
        final long now = s.nowNs();
        final double fv = s.fairValue();
        if (fv == fv)
        {
            t.fair(now, fv);
        }
        final long bid = s.bid(ContractSide.YES);
        final long ask = s.ask(ContractSide.YES);
        if (s.bookValid() && s.quoteAgeNs() == 0 && bid > 0 && ask > 0)
        {
            t.quote(now, (bid + ask) / (2 * ONE_DOLLAR));
        }
    }

    /** Every market seen, in the order first seen. */
    public List<MarketTrace> traces()
    {
        return traces;
    }

    private MarketTrace trace(final KalshiMarketState m)
    {
        MarketTrace t = byId.get(m.marketId());
        if (t == null || t.closeTimeNs() != m.closeTimeNs())
        {
            // A market is its own instrument (ticker and close time): a reused id starts a new trace.
            final String ticker = new String(m.ticker(), StandardCharsets.US_ASCII).trim();
            t = new MarketTrace(m.series().name(), ticker, m.closeTimeNs());
            byId.put(m.marketId(), t);
            traces.add(t);
        }
        return t;
    }
}
