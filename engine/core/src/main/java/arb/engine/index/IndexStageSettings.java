package arb.engine.index;

import arb.engine.config.Params;

/**
 * Parameters of the index stage around the two calculators, read from the run's {@link Params}
 * (defaults in {@code ParamCatalog}): the settlement window ({@code index.settlement.windowMs}), how
 * long a closed window waits for Kalshi's official result ({@code index.settlement.officialWaitMs}),
 * how far the calculation clock catches up after a gap in event time ({@code index.maxCatchUpMs}),
 * and two sizing constants. Immutable.
 *
 * @param settlementWindowNs Kalshi averages the prints in (close - window, close]; whole seconds
 * @param officialWaitNs     a closed window whose official result has not arrived after this long is forgotten
 * @param maxCatchUpNs       after a jump in event time (first event, a pause in a journal), calculations
 *                           resume at most this far back: the seconds before are skipped (counted), not
 *                           printed one by one
 * @param seriesSeconds      per-second prints kept per method (sizing: must exceed the window plus the
 *                           official delay for late markets)
 * @param maxWindows         markets tracked at once (sizing)
 */
public record IndexStageSettings(long settlementWindowNs, long officialWaitNs, long maxCatchUpNs, int seriesSeconds,
    int maxWindows)
{
    /** Per-second prints kept per method (sizing, not a parameter). */
    public static final int SERIES_SECONDS = 4096;
    /** Markets tracked at once (sizing, not a parameter). */
    public static final int MAX_WINDOWS = 256;

    public IndexStageSettings
    {
        if (settlementWindowNs <= 0 || settlementWindowNs % 1_000_000_000L != 0)
        {
            throw new IllegalArgumentException("settlement window must be whole seconds: " + settlementWindowNs);
        }
        if (officialWaitNs <= 0)
        {
            throw new IllegalArgumentException("officialWait must be > 0");
        }
        if (maxCatchUpNs < 1_000_000_000L)
        {
            throw new IllegalArgumentException("maxCatchUp must be at least one second");
        }
    }

    public static IndexStageSettings from(final Params params)
    {
        return new IndexStageSettings(
            params.getMillisAsNanos("index.settlement.windowMs"),
            params.getMillisAsNanos("index.settlement.officialWaitMs"),
            params.getMillisAsNanos("index.maxCatchUpMs"),
            SERIES_SECONDS,
            MAX_WINDOWS);
    }

    /** Every index stage parameter at its catalog default. */
    public static IndexStageSettings defaults()
    {
        return from(Params.defaults());
    }

    /** The same settings tracking at most {@code windows} markets at once (tests of the sizing bound). */
    public IndexStageSettings withMaxWindows(final int windows)
    {
        return new IndexStageSettings(settlementWindowNs, officialWaitNs, maxCatchUpNs, seriesSeconds, windows);
    }
}
