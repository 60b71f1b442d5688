package arb.engine.strategy;

import arb.engine.kalshi.KalshiMarketState;
import arb.sbe.Strategy;

/**
 * The desk's state for one market (ticker + close time): quote receive and change times, the mid
 * history, and each strategy's per-market memory (last entry, last quote it judged). Pooled.
 */
final class TrackedMarket
{
    private static final int SLOTS = Strategy.values().length;

    KalshiMarketState state;
    final QuoteHistory mids = new QuoteHistory(1024);
    final long[] lastEntryNs = new long[SLOTS];
    final long[] lastJudgedQuoteNs = new long[SLOTS];
    long bestYesBid;
    long bestNoBid;
    long quoteRecvNs;
    long quoteChangeNs;

    void reset(final KalshiMarketState state)
    {
        this.state = state;
        mids.clear();
        for (int i = 0; i < SLOTS; i++)
        {
            lastEntryNs[i] = Long.MIN_VALUE;
            lastJudgedQuoteNs[i] = Long.MIN_VALUE;
        }
        bestYesBid = Long.MIN_VALUE;
        bestNoBid = Long.MIN_VALUE;
        quoteRecvNs = Long.MIN_VALUE;
        quoteChangeNs = Long.MIN_VALUE;
    }
}
