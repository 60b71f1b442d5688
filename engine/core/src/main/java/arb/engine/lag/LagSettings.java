package arb.engine.lag;

/**
 * The lag analysis' knobs: the event study's move threshold (probability units), move window, quiet
 * stretch, horizon and the fraction that counts as "most"; the cross-correlation's grid, difference
 * span and largest lag; the bootstrap's replications and seed.
 */
public record LagSettings(
    double threshold,
    long moveNs,
    long quietNs,
    double quietFraction,
    double mostFraction,
    long horizonNs,
    long maxQuoteAgeNs,
    long closeGuardNs,
    long gridNs,
    long diffNs,
    long maxLagNs,
    int bootstrap,
    long seed)
{
    private static final long SECOND = 1_000_000_000L;

    /** The defaults {@code arb lag} uses (docs/lag.md explains each). */
    public static LagSettings defaults()
    {
        return new LagSettings(0.05, 5 * SECOND, 30 * SECOND, 0.3, 0.8, 60 * SECOND, 5 * SECOND, 60 * SECOND,
            250_000_000L, SECOND, 60 * SECOND, 200, 13L);
    }

    public LagSettings withThreshold(final double t)
    {
        return new LagSettings(t, moveNs, quietNs, quietFraction, mostFraction, horizonNs, maxQuoteAgeNs, closeGuardNs,
            gridNs, diffNs, maxLagNs, bootstrap, seed);
    }
}
