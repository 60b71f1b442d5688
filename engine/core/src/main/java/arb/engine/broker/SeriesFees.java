package arb.engine.broker;

import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.sbe.FeeType;
import arb.sbe.Series;

/**
 * The fee schedule the paper broker charges in each Kalshi series: the series' own, from the last
 * {@code KalshiSeries} event the input journaled for it (Kalshi's {@code GET /series/{ticker}}:
 * {@code fee_type} and {@code fee_multiplier}), or the run's fallback ({@code broker.fee.multiplier})
 * for a series no such event has described yet. A journal without series events (every journal
 * written before they existed) is therefore charged exactly as before.
 *
 * <p>{@code quadratic} and {@code quadratic_with_maker_fees} take the series' multiplier (both charge
 * takers 0.07 × multiplier × C × P × (1 − P); paper orders always take, so the maker part never
 * applies). {@code flat} (Kalshi's per-product Specific Trading Fees Table), an unknown type or a
 * missing multiplier is not modelled: that series goes back to the fallback. Single-threaded (the
 * chain thread); a schedule object is built only when a series' multiplier changes.
 */
public final class SeriesFees
{
    /** ratio units (1e-9) per millionth. */
    private static final long RATIO_PER_MICRO = Scales.RATIO / 1_000_000L;

    private final KalshiFees fallback;
    private final KalshiFees[] bySeries = new KalshiFees[Series.values().length];

    /** @param fallback the schedule of a series no KalshiSeries event has described */
    public SeriesFees(final KalshiFees fallback)
    {
        this.fallback = fallback;
    }

    /** The schedule charged in markets of {@code series}. */
    public KalshiFees of(final Series series)
    {
        final KalshiFees own = series == null ? null : bySeries[series.ordinal()];
        return own == null ? fallback : own;
    }

    /** The fallback ({@code broker.fee.multiplier}). */
    public KalshiFees fallback()
    {
        return fallback;
    }

    /**
     * A KalshiSeries event: from now on the series' markets pay its own schedule (or the fallback when
     * the schedule is one the engine does not model). A series the engine does not know is ignored.
     *
     * @param feeMultiplier the series' {@code fee_multiplier} at 1e-9, or {@link Scales#NULL}
     * @return true when the schedule of the series changed
     */
    public boolean onSeries(final Series series, final FeeType feeType, final long feeMultiplier)
    {
        if (series == null || series == Series.UNKNOWN || series == Series.NULL_VAL)
        {
            return false;
        }
        final KalshiFees before = bySeries[series.ordinal()];
        final boolean modelled = (feeType == FeeType.QUADRATIC || feeType == FeeType.QUADRATIC_WITH_MAKER_FEES)
            && feeMultiplier != Scales.NULL && feeMultiplier >= 0;
        if (!modelled)
        {
            bySeries[series.ordinal()] = null;
            return before != null;
        }
        final long micros = feeMultiplier / RATIO_PER_MICRO;
        if (before != null && before.multiplierMicros() == micros)
        {
            return false;
        }
        bySeries[series.ordinal()] = new KalshiFees(micros, fallback.precision());
        return true;
    }
}
