package arb.engine.strategy;

import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Strategy;

/**
 * The desk's state for one market (ticker + close time): quote receive and change times, the mid
 * history, and each strategy's per-market memory (last entry, last quote it judged). Pooled.
 */
final class TrackedMarket
{
    private static final int SLOTS = Strategy.SLOTS;

    KalshiMarketState state;
    final QuoteHistory mids = new QuoteHistory(1024);
    final long[] lastEntryNs = new long[SLOTS];
    final long[] lastJudgedQuoteNs = new long[SLOTS];
    /** Edge per contract (after fee, at the limit) of each strategy's last entry here; NaN before one. */
    final double[] lastEntryEdge = new double[SLOTS];
    /** First index second at which each strategy's current view (edge on {@link #edgeSide}) was seen; MIN_VALUE: none. */
    final long[] edgeSinceSecondNs = new long[SLOTS];
    /** The side that view is on (0 YES, 1 NO). */
    final int[] edgeSide = new int[SLOTS];
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
            lastEntryEdge[i] = Double.NaN;
            edgeSinceSecondNs[i] = Long.MIN_VALUE;
            edgeSide[i] = -1;
        }
        bestYesBid = Long.MIN_VALUE;
        bestNoBid = Long.MIN_VALUE;
        quoteRecvNs = Long.MIN_VALUE;
        quoteChangeNs = Long.MIN_VALUE;
    }
}
