package arb.engine.results;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;

/**
 * What the results know about one Kalshi market (ticker + close time): its strike, how it settled
 * and where that outcome came from, the engine's own index prints in its settlement window (so a
 * market the broker never settled still gets an outcome for the calibration), each strategy's open
 * position in it and the PnL of those that settled. Pooled by {@link MarketTable}: taken with
 * {@link #reset} when a market is first seen, never allocated on the chain thread.
 */
final class MarketRecord
{
    static final int TICKER_BYTES = 40;
    static final long WINDOW_NS = 60_000_000_000L;
    private static final long CENT = 1_000_000L;
    private static final int STRATEGY_SLOTS = arb.journal.Strategy.SLOTS;
    private static final byte[] KXBTC15M = "KXBTC15M".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KXBTCD = "KXBTCD".getBytes(StandardCharsets.US_ASCII);

    /** Where a market's outcome came from, best first. */
    enum OutcomeSource
    {
        NONE, OFFICIAL, ENGINE_ESTIMATE, INDEX_ESTIMATE;

        String label()
        {
            switch (this)
            {
                case OFFICIAL: return "official";
                case ENGINE_ESTIMATE: return "engine_estimate";
                case INDEX_ESTIMATE: return "index_estimate";
                default: return "none";
            }
        }
    }

    int id;
    final byte[] ticker = new byte[TICKER_BYTES];
    int tickerLength;
    long closeNs;
    StrikeType strikeType;
    long strike = Scales.NULL;
    long openNs = Scales.NULL;
    MarketResult outcome = MarketResult.NONE;
    OutcomeSource outcomeSource = OutcomeSource.NONE;
    long settlementValue = Scales.NULL;
    /** The index stage's own estimate of the settlement average and its result (traded method), kept beside the official one. */
    long engineEstimate = Scales.NULL;
    MarketResult enginePredicted = MarketResult.NONE;
    long windowSum;
    int windowCount;
    long lastWindowSecondNs = Long.MIN_VALUE;
    int predictions;
    int signals;
    int positions;
    /** Each strategy's open position in this market (index: Strategy ordinal), or null. */
    final PositionTally[] open = new PositionTally[STRATEGY_SLOTS];
    /** Each strategy's PnL from positions in this market that settled completely. */
    final long[] closedPnl = new long[STRATEGY_SLOTS];
    final boolean[] closedAny = new boolean[STRATEGY_SLOTS];

    /** Takes a pooled record for a newly seen market (chain thread, no allocation). */
    void reset(final int id, final byte[] tickerBytes, final long closeNs)
    {
        this.id = id;
        System.arraycopy(tickerBytes, 0, ticker, 0, TICKER_BYTES);
        int n = 0;
        while (n < TICKER_BYTES && ticker[n] != 0)
        {
            n++;
        }
        this.tickerLength = n;
        this.closeNs = closeNs;
        this.strikeType = strikeTypeOf(ticker, n);
        strike = Scales.NULL;
        openNs = Scales.NULL;
        outcome = MarketResult.NONE;
        outcomeSource = OutcomeSource.NONE;
        settlementValue = Scales.NULL;
        engineEstimate = Scales.NULL;
        enginePredicted = MarketResult.NONE;
        windowSum = 0;
        windowCount = 0;
        lastWindowSecondNs = Long.MIN_VALUE;
        predictions = 0;
        signals = 0;
        positions = 0;
        Arrays.fill(open, null);
        Arrays.fill(closedPnl, 0);
        Arrays.fill(closedAny, false);
    }

    /** The ticker as text (cold path: summaries, reports, the status line's reader thread). */
    String tickerText()
    {
        return new String(ticker, 0, tickerLength, StandardCharsets.US_ASCII);
    }

    /** Orders markets like their tickers' text (ASCII, NUL padded), without making strings. */
    static int compareTickers(final MarketRecord a, final MarketRecord b)
    {
        return Arrays.compareUnsigned(a.ticker, 0, a.tickerLength, b.ticker, 0, b.tickerLength);
    }

    boolean is(final byte[] tickerBytes, final long close)
    {
        return close == closeNs && Arrays.equals(ticker, 0, TICKER_BYTES, tickerBytes, 0, TICKER_BYTES);
    }

    /** True while {@code secondNs} falls in the settlement window (close - 60 s, close]. */
    boolean inWindow(final long secondNs)
    {
        return secondNs > closeNs - WINDOW_NS && secondNs <= closeNs;
    }

    void addWindowPrint(final long secondNs, final long value)
    {
        if (secondNs > lastWindowSecondNs && inWindow(secondNs))
        {
            windowSum += value;
            windowCount++;
            lastWindowSecondNs = secondNs;
        }
    }

    /** Records an outcome unless a better-sourced one is already known. */
    void outcome(final MarketResult result, final OutcomeSource source, final long value)
    {
        if (result != MarketResult.YES && result != MarketResult.NO && result != MarketResult.VOID)
        {
            return;
        }
        if (outcomeSource == OutcomeSource.NONE || source.ordinal() < outcomeSource.ordinal())
        {
            outcome = result;
            outcomeSource = source;
            if (value != Scales.NULL)
            {
                settlementValue = value;
            }
        }
        else if (settlementValue == Scales.NULL && value != Scales.NULL && source == outcomeSource)
        {
            settlementValue = value;
        }
    }

    /**
     * The outcome from the engine's own prints in the window, as the broker's estimate computes it:
     * their average rounded to cents half up against the strike. Only when the whole window has been
     * seen ({@code lastSecondNs} at or past the close) and it holds at least one print.
     */
    void estimateFromIndex(final long lastSecondNs)
    {
        if (outcomeSource != OutcomeSource.NONE || windowCount == 0 || lastSecondNs < closeNs
            || strike == Scales.NULL || strikeType == null)
        {
            return;
        }
        final long n = windowCount;
        final long rounded = Math.floorDiv(2 * windowSum + n * CENT, 2 * n * CENT) * CENT;
        final boolean yes;
        if (strikeType == StrikeType.GREATER_OR_EQUAL)
        {
            yes = rounded >= ceilCent(strike);
        }
        else
        {
            yes = rounded >= Math.floorDiv(strike, CENT) * CENT + CENT;
        }
        outcome(yes ? MarketResult.YES : MarketResult.NO, OutcomeSource.INDEX_ESTIMATE, rounded);
    }

    boolean resolved()
    {
        return outcome == MarketResult.YES || outcome == MarketResult.NO;
    }

    private static long ceilCent(final long price)
    {
        return -Math.floorDiv(-price, CENT) * CENT;
    }

    /**
     * The payoff rule of the series, from the ticker's series prefix: KXBTC15M pays YES when the
     * rounded average is at least the strike, KXBTCD when it is above it (Signals carry the floor
     * strike but not the strike type). Null for series the results cannot estimate.
     */
    static StrikeType strikeTypeOf(final byte[] ticker, final int length)
    {
        if (startsWith(ticker, length, KXBTC15M))
        {
            return StrikeType.GREATER_OR_EQUAL;
        }
        if (startsWith(ticker, length, KXBTCD))
        {
            return StrikeType.GREATER;
        }
        return null;
    }

    private static boolean startsWith(final byte[] ticker, final int length, final byte[] prefix)
    {
        return length >= prefix.length && Arrays.equals(ticker, 0, prefix.length, prefix, 0, prefix.length);
    }
}
