package arb.engine.results;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;

/**
 * What the results know about one Kalshi market (ticker + close time): its strike, how it settled
 * and where that outcome came from, and the engine's own index prints in its settlement window
 * (so a market the broker never settled still gets an outcome for the calibration).
 */
final class MarketRecord
{
    static final int TICKER_BYTES = 40;
    static final long WINDOW_NS = 60_000_000_000L;
    private static final long CENT = 1_000_000L;

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

    final int id;
    final byte[] ticker = new byte[TICKER_BYTES];
    final String tickerText;
    final long closeNs;
    final StrikeType strikeType;
    long strike = Scales.NULL;
    long openNs = Scales.NULL;
    MarketResult outcome = MarketResult.NONE;
    OutcomeSource outcomeSource = OutcomeSource.NONE;
    long settlementValue = Scales.NULL;
    long windowSum;
    int windowCount;
    long lastWindowSecondNs = Long.MIN_VALUE;
    int predictions;
    int signals;
    int positions;

    MarketRecord(final int id, final byte[] tickerBytes, final long closeNs)
    {
        this.id = id;
        System.arraycopy(tickerBytes, 0, ticker, 0, TICKER_BYTES);
        int n = 0;
        while (n < TICKER_BYTES && ticker[n] != 0)
        {
            n++;
        }
        this.tickerText = new String(ticker, 0, n, StandardCharsets.US_ASCII);
        this.closeNs = closeNs;
        this.strikeType = strikeTypeOf(tickerText);
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
    static StrikeType strikeTypeOf(final String ticker)
    {
        if (ticker.startsWith("KXBTC15M"))
        {
            return StrikeType.GREATER_OR_EQUAL;
        }
        if (ticker.startsWith("KXBTCD"))
        {
            return StrikeType.GREATER;
        }
        return null;
    }
}
