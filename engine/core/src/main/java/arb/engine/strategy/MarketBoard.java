package arb.engine.strategy;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import arb.engine.kalshi.KalshiMarketState;

/**
 * The Kalshi markets the desk evaluates, as readers on other threads see them (the live
 * dashboard): per market its ticker, strike, close time, Kalshi's best bids and the fair value
 * P(YES) implied by the index at the last evaluation. The chain thread writes primitives into
 * preallocated slots under a sequence lock (odd while writing); a reader copies them and retries if
 * the sequence moved, then builds its {@link Row}s on its own thread. Write-only for the chain: it
 * never reads the board back, so no output can depend on it.
 */
public final class MarketBoard
{
    /** Markets kept: the most recently evaluated ones. */
    static final int SLOTS = 16;
    private static final int TICKER = 40;

    /**
     * One market at its last evaluation.
     *
     * @param strike      floor strike, 1e-8 $ (Long.MIN_VALUE when none)
     * @param yesBid      Kalshi's best YES bid, 1e-4 $ (0 when none)
     * @param noBid       Kalshi's best NO bid, 1e-4 $ (0 when none)
     * @param fairValue   the index-implied P(YES) (NaN when the index was absent)
     * @param index       the index the fair value used, 1e-8 $
     * @param evaluatedNs event time of the evaluation (receive clock ns)
     */
    public record Row(String ticker, long closeTimeNs, long strike, long yesBid, long noBid, double fairValue,
        long index, long evaluatedNs)
    {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final long[] marketId = new long[SLOTS];
    private final byte[] tickers = new byte[SLOTS * TICKER];
    private final long[] closeTimeNs = new long[SLOTS];
    private final long[] strike = new long[SLOTS];
    private final long[] yesBid = new long[SLOTS];
    private final long[] noBid = new long[SLOTS];
    private final double[] fairValue = new double[SLOTS];
    private final long[] index = new long[SLOTS];
    private final long[] evaluatedNs = new long[SLOTS];

    public MarketBoard()
    {
        java.util.Arrays.fill(marketId, Long.MIN_VALUE);
        java.util.Arrays.fill(evaluatedNs, Long.MIN_VALUE);
    }

    /** Chain thread: one evaluation of {@code m}; no allocation. */
    void publish(final KalshiMarketState m, final long nowNs, final long bestYesBid, final long bestNoBid,
        final double fv, final long indexValue)
    {
        int slot = -1;
        int oldest = 0;
        for (int i = 0; i < SLOTS; i++)
        {
            if (marketId[i] == m.marketId())
            {
                slot = i;
                break;
            }
            if (evaluatedNs[i] < evaluatedNs[oldest])
            {
                oldest = i;
            }
        }
        sequence.lazySet(sequence.get() + 1);
        VarHandle.storeStoreFence();
        if (slot < 0)
        {
            slot = oldest;
            marketId[slot] = m.marketId();
            System.arraycopy(m.ticker(), 0, tickers, slot * TICKER, Math.min(TICKER, m.ticker().length));
            closeTimeNs[slot] = m.closeTimeNs();
            strike[slot] = m.floorStrike();
        }
        yesBid[slot] = bestYesBid;
        noBid[slot] = bestNoBid;
        fairValue[slot] = fv;
        index[slot] = indexValue;
        evaluatedNs[slot] = nowNs;
        VarHandle.storeStoreFence();
        sequence.lazySet(sequence.get() + 1);
    }

    /** Any thread: a consistent copy, most recent close time first. */
    public List<Row> read()
    {
        final long[] ids = new long[SLOTS];
        final byte[] t = new byte[tickers.length];
        final long[] close = new long[SLOTS];
        final long[] k = new long[SLOTS];
        final long[] yes = new long[SLOTS];
        final long[] no = new long[SLOTS];
        final double[] fv = new double[SLOTS];
        final long[] ix = new long[SLOTS];
        final long[] at = new long[SLOTS];
        while (true)
        {
            final long before = sequence.get();
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(marketId, 0, ids, 0, SLOTS);
            System.arraycopy(tickers, 0, t, 0, t.length);
            System.arraycopy(closeTimeNs, 0, close, 0, SLOTS);
            System.arraycopy(strike, 0, k, 0, SLOTS);
            System.arraycopy(yesBid, 0, yes, 0, SLOTS);
            System.arraycopy(noBid, 0, no, 0, SLOTS);
            System.arraycopy(fairValue, 0, fv, 0, SLOTS);
            System.arraycopy(index, 0, ix, 0, SLOTS);
            System.arraycopy(evaluatedNs, 0, at, 0, SLOTS);
            VarHandle.loadLoadFence();
            if (sequence.get() == before)
            {
                break;
            }
        }
        final List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++)
        {
            if (ids[i] == Long.MIN_VALUE)
            {
                continue;
            }
            int end = i * TICKER;
            while (end < (i + 1) * TICKER && t[end] != 0)
            {
                end++;
            }
            rows.add(new Row(new String(t, i * TICKER, end - i * TICKER, StandardCharsets.US_ASCII), close[i], k[i], yes[i],
                no[i], fv[i], ix[i], at[i]));
        }
        rows.sort((a, b) -> Long.compare(b.closeTimeNs(), a.closeTimeNs()));
        return rows;
    }
}
