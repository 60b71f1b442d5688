package arb.engine.model;

import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;

/**
 * Kalshi's settlement rule applied to the engine's own prints: the average of the per-second prints
 * in (close - window, close], rounded to cents, and the result that average gives against the
 * market's strike. The one settlement estimate of the engine: the index stage's
 * {@code SettlementEstimator} and the trading desk's settlement on estimate both use it, each with
 * its own {@link MissingStrike} policy. Stateless; no allocation.
 */
public final class SettlementRule
{
    /** Price-scale units of one cent: Kalshi rounds the settlement average to cents. */
    public static final long CENT = 1_000_000L;

    /** What a strike Kalshi has not (yet) listed stands for. */
    public enum MissingStrike
    {
        /**
         * less/less_or_equal use floor_strike when cap_strike is missing; a strike still missing
         * gives NONE (the index stage's estimator: no prediction rather than a guess).
         */
        OTHER_STRIKE_OR_NONE,
        /**
         * A missing strike (NULL) is below every value: greater/greater_or_equal settle YES,
         * less/less_or_equal NO, between without cap NO (the trading desk, as its fair-value model
         * has always treated it at zero time left).
         */
        BELOW_EVERY_VALUE
    }

    private SettlementRule()
    {
    }

    /**
     * The settlement average: the mean of the prints of the seconds in (closeNs - windowNs,
     * closeNs], rounded to cents half up; seconds without a print are left out and their number
     * is then {@code history.lastCount()}.
     *
     * @return the average (1e-8 USD, whole cents), or NULL when no second in the window has a print
     */
    public static long average(final IndexHistory history, final long closeNs, final long windowNs)
    {
        final long sum = history.sum(closeNs - windowNs, closeNs);
        final long n = history.lastCount();
        if (n == 0)
        {
            return Scales.NULL;
        }
        return Math.floorDiv(2 * sum + n * CENT, 2 * n * CENT) * CENT;
    }

    /**
     * The result a settlement value gives: KXBTC15M is greater_or_equal (YES when value >=
     * floor_strike), KXBTCD greater (strictly above); less/less_or_equal compare to cap_strike and
     * between is inclusive at both ends. NONE without a value, for an unknown strike type, or when
     * {@code missing} says a missing strike gives none.
     */
    public static MarketResult result(final long value, final StrikeType type, final long floor, final long cap,
        final MissingStrike missing)
    {
        if (value == Scales.NULL || type == null)
        {
            return MarketResult.NONE;
        }
        final boolean orNone = missing == MissingStrike.OTHER_STRIKE_OR_NONE;
        switch (type)
        {
            case GREATER_OR_EQUAL:
                return orNone && floor == Scales.NULL ? MarketResult.NONE : yesIf(value >= floor);
            case GREATER:
                return orNone && floor == Scales.NULL ? MarketResult.NONE : yesIf(value > floor);
            case LESS:
            {
                final long strike = orNone && cap == Scales.NULL ? floor : cap;
                return orNone && strike == Scales.NULL ? MarketResult.NONE : yesIf(value < strike);
            }
            case LESS_OR_EQUAL:
            {
                final long strike = orNone && cap == Scales.NULL ? floor : cap;
                return orNone && strike == Scales.NULL ? MarketResult.NONE : yesIf(value <= strike);
            }
            case BETWEEN:
                return orNone && (floor == Scales.NULL || cap == Scales.NULL) ? MarketResult.NONE
                    : yesIf(value >= floor && value <= cap);
            default:
                return MarketResult.NONE;
        }
    }

    /**
     * Whether a market states the strike its payoff needs: floor_strike for greater and
     * greater_or_equal, cap_strike for less and less_or_equal, both for between. A market without
     * it cannot be priced (the fair value would be P = 0 or 1 from a NULL) and is not traded.
     */
    public static boolean hasStrike(final StrikeType type, final long floor, final long cap)
    {
        if (type == null)
        {
            return false;
        }
        switch (type)
        {
            case GREATER_OR_EQUAL:
            case GREATER:
                return floor != Scales.NULL;
            case LESS:
            case LESS_OR_EQUAL:
                return cap != Scales.NULL;
            case BETWEEN:
                return floor != Scales.NULL && cap != Scales.NULL;
            default:
                return false;
        }
    }

    private static MarketResult yesIf(final boolean yes)
    {
        return yes ? MarketResult.YES : MarketResult.NO;
    }
}
