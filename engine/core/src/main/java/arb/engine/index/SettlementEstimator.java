package arb.engine.index;

import arb.engine.model.IndexHistory;
import arb.engine.model.SettlementRule;
import arb.engine.model.SettlementRule.MissingStrike;
import arb.journal.Scales;
import arb.sbe.IndexMethod;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;

/**
 * Kalshi settlement estimates for every tracked market window, for every index method side by
 * side: at the close the average of that method's per-second prints in (close - 60 s, close],
 * rounded to cents, with the predicted result against the market's strike (both by
 * {@link SettlementRule}; a missing strike falls back to the other one, else no prediction); once Kalshi reports
 * the result (and expiration_value), the error estimate - official and whether the result matched.
 *
 * <p>Markets are learnt from Kalshi market events (REST polls or WS lifecycle messages), keyed by
 * ticker AND close time (on the night daylight saving ends two windows share a ticker string). A
 * window stays tracked until {@code officialWait} after its close so that repeated listings of a
 * finished market are recognised and not reported twice; when the table is full the finished
 * window with the earliest close makes room, and a market that finds no room is counted as
 * dropped. Preallocated; no allocation per event.
 */
public final class SettlementEstimator
{
    /** Receives each report synchronously; the report object is reused after the call returns. */
    @FunctionalInterface
    public interface Listener
    {
        void onReport(SettlementReport report);
    }

    private static final int TICKER = SettlementReport.TICKER_LENGTH;

    private final long windowNs;
    private final long officialWaitNs;
    private final IndexMethod[] methods;
    private final IndexHistory[] series;
    private final Listener listener;
    private final SettlementReport report = new SettlementReport();

    private final int capacity;
    private final boolean[] inUse;
    private final byte[] tickers;
    private final long[] closeNs;
    private final StrikeType[] strikeType;
    private final long[] floorStrike;
    private final long[] capStrike;
    private final long[] official;
    private final MarketResult[] officialResult;
    private final boolean[][] estimated;
    private final long[][] estimate;
    private final int[][] samples;
    private final boolean[][] reported;

    private long lastSecondNs = Long.MIN_VALUE;
    private long droppedWindows;

    public SettlementEstimator(final IndexStageSettings params, final IndexMethod[] methods, final IndexHistory[] series,
        final Listener listener)
    {
        if (methods.length != series.length)
        {
            throw new IllegalArgumentException("one series per method");
        }
        this.windowNs = params.settlementWindowNs();
        this.officialWaitNs = params.officialWaitNs();
        this.methods = methods.clone();
        this.series = series.clone();
        this.listener = listener;
        capacity = params.maxWindows();
        inUse = new boolean[capacity];
        tickers = new byte[capacity * TICKER];
        closeNs = new long[capacity];
        strikeType = new StrikeType[capacity];
        floorStrike = new long[capacity];
        capStrike = new long[capacity];
        official = new long[capacity];
        officialResult = new MarketResult[capacity];
        estimated = new boolean[capacity][methods.length];
        estimate = new long[capacity][methods.length];
        samples = new int[capacity][methods.length];
        reported = new boolean[capacity][methods.length];
    }

    /**
     * A Kalshi market's state, in ring order.
     *
     * @param ticker          the ticker, NUL padded, {@link SettlementReport#TICKER_LENGTH} bytes from offset 0
     * @param floorStrike     floor_strike (1e-8 USD) or NULL
     * @param capStrike       cap_strike or NULL
     * @param result          NONE until Kalshi reports it
     * @param expirationValue Kalshi's settlement value or NULL
     */
    public void onMarket(final long recvNs, final byte[] ticker, final StrikeType strikeType, final long closeTimeNs,
        final long floorStrike, final long capStrike, final MarketResult result, final long expirationValue)
    {
        if (closeTimeNs <= 0 || recvNs > closeTimeNs + officialWaitNs)
        {
            return;
        }
        int w = find(ticker, closeTimeNs);
        if (w < 0)
        {
            w = allocate(ticker, closeTimeNs);
            if (w < 0)
            {
                droppedWindows++;
                return;
            }
        }
        if (strikeType != null && strikeType != StrikeType.UNKNOWN && strikeType != StrikeType.NULL_VAL)
        {
            this.strikeType[w] = strikeType;
        }
        if (floorStrike != Scales.NULL)
        {
            this.floorStrike[w] = floorStrike;
        }
        if (capStrike != Scales.NULL)
        {
            this.capStrike[w] = capStrike;
        }
        if (result == MarketResult.YES || result == MarketResult.NO || result == MarketResult.VOID)
        {
            officialResult[w] = result;
            if (expirationValue != Scales.NULL)
            {
                official[w] = expirationValue;
            }
        }
        // A market first seen after its close (engine started late) is estimated from what the
        // series holds, provided the print for its close second has been made.
        if (lastSecondNs >= closeTimeNs)
        {
            estimateAndReport(w, recvNs);
        }
        else
        {
            reportAccuracy(w, recvNs);
        }
    }

    /**
     * Called after every method's print for the second ending at {@code secondNs} is recorded:
     * estimates the windows that close at or before it and forgets expired ones.
     */
    public void onSecond(final long secondNs, final long recvNs)
    {
        lastSecondNs = secondNs;
        for (int w = 0; w < capacity; w++)
        {
            if (!inUse[w])
            {
                continue;
            }
            if (secondNs > closeNs[w] + officialWaitNs)
            {
                inUse[w] = false;
                continue;
            }
            if (closeNs[w] <= secondNs)
            {
                estimateAndReport(w, recvNs);
            }
        }
    }

    private void estimateAndReport(final int w, final long recvNs)
    {
        for (int m = 0; m < methods.length; m++)
        {
            if (!estimated[w][m])
            {
                estimate[w][m] = SettlementRule.average(series[m], closeNs[w], windowNs);
                samples[w][m] = series[m].lastCount();
                estimated[w][m] = true;
                fill(w, m, recvNs);
                listener.onReport(report);
            }
        }
        reportAccuracy(w, recvNs);
    }

    private void reportAccuracy(final int w, final long recvNs)
    {
        if (officialResult[w] == MarketResult.NONE)
        {
            return;
        }
        for (int m = 0; m < methods.length; m++)
        {
            if (estimated[w][m] && !reported[w][m])
            {
                reported[w][m] = true;
                fill(w, m, recvNs);
                report.official = official[w];
                report.officialResult = officialResult[w];
                report.estimateError = estimate[w][m] != Scales.NULL && official[w] != Scales.NULL
                    ? estimate[w][m] - official[w] : Scales.NULL;
                listener.onReport(report);
            }
        }
    }

    private void fill(final int w, final int m, final long recvNs)
    {
        final SettlementReport r = report;
        System.arraycopy(tickers, w * TICKER, r.ticker, 0, TICKER);
        r.recvNs = recvNs;
        r.method = methods[m];
        r.closeTimeNs = closeNs[w];
        r.estimate = estimate[w][m];
        r.samples = samples[w][m];
        r.strike = strikeOf(w);
        r.predicted = SettlementRule.result(estimate[w][m], strikeType[w], floorStrike[w], capStrike[w],
            MissingStrike.OTHER_STRIKE_OR_NONE);
        r.official = Scales.NULL;
        r.officialResult = MarketResult.NONE;
        r.estimateError = Scales.NULL;
    }

    private long strikeOf(final int w)
    {
        final StrikeType type = strikeType[w];
        if (type == StrikeType.LESS || type == StrikeType.LESS_OR_EQUAL)
        {
            return capStrike[w] != Scales.NULL ? capStrike[w] : floorStrike[w];
        }
        return floorStrike[w];
    }

    private int find(final byte[] ticker, final long close)
    {
        for (int w = 0; w < capacity; w++)
        {
            if (inUse[w] && closeNs[w] == close && sameTicker(w, ticker))
            {
                return w;
            }
        }
        return -1;
    }

    private boolean sameTicker(final int w, final byte[] ticker)
    {
        final int base = w * TICKER;
        for (int i = 0; i < TICKER; i++)
        {
            if (tickers[base + i] != ticker[i])
            {
                return false;
            }
        }
        return true;
    }

    private int allocate(final byte[] ticker, final long close)
    {
        int w = -1;
        for (int i = 0; i < capacity && w < 0; i++)
        {
            if (!inUse[i])
            {
                w = i;
            }
        }
        if (w < 0)
        {
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < capacity; i++)
            {
                if (isFinished(i) && closeNs[i] < earliest)
                {
                    earliest = closeNs[i];
                    w = i;
                }
            }
            if (w < 0)
            {
                return -1;
            }
        }
        inUse[w] = true;
        System.arraycopy(ticker, 0, tickers, w * TICKER, TICKER);
        closeNs[w] = close;
        strikeType[w] = StrikeType.UNKNOWN;
        floorStrike[w] = Scales.NULL;
        capStrike[w] = Scales.NULL;
        official[w] = Scales.NULL;
        officialResult[w] = MarketResult.NONE;
        for (int m = 0; m < methods.length; m++)
        {
            estimated[w][m] = false;
            estimate[w][m] = Scales.NULL;
            samples[w][m] = 0;
            reported[w][m] = false;
        }
        return w;
    }

    private boolean isFinished(final int w)
    {
        for (int m = 0; m < methods.length; m++)
        {
            if (!reported[w][m])
            {
                return false;
            }
        }
        return true;
    }

    /** Windows currently tracked. */
    public int trackedWindows()
    {
        int n = 0;
        for (int w = 0; w < capacity; w++)
        {
            n += inUse[w] ? 1 : 0;
        }
        return n;
    }

    /** Markets that found the table full of unfinished windows. */
    public long droppedWindows()
    {
        return droppedWindows;
    }
}
