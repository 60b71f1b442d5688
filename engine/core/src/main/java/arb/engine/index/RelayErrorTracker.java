package arb.engine.index;

import arb.engine.model.IndexHistory;
import arb.journal.Scales;
import org.HdrHistogram.Histogram;

/**
 * Per-second error of one index method against the official BRTI that Kalshi relays
 * ({@code cfbenchmarks_value}, journaled as IndexRelay events): each relayed value is matched to
 * this method's print for the second its timestamp falls in (floor to the second, so a value
 * stamped 12:00:00.123 is compared with the 12:00:00 print); only the first relayed value per
 * second counts, so the 5 Hz channel does not weigh five times. Absolute errors go into a
 * preallocated histogram in cents (median, 95th percentile); no allocation per relay.
 */
public final class RelayErrorTracker
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long MAX_CENTS = 100_000_000L; // $1M: anything larger is clamped

    private final IndexHistory series;
    private final Histogram absCents = new Histogram(MAX_CENTS, 3);
    private long lastSecond = Long.MIN_VALUE;
    private long compared;
    private long unmatched;
    private long sumErrorCents;
    private long maxAbsCents;
    private long lastErrorCents;

    public RelayErrorTracker(final IndexHistory series)
    {
        this.series = series;
    }

    /**
     * @param officialTimeNs the relayed value's own timestamp (epoch ns)
     * @param officialValue  the official BRTI, 1e-8 USD
     */
    public void onRelay(final long officialTimeNs, final long officialValue)
    {
        if (officialTimeNs == Scales.NULL || officialValue == Scales.NULL)
        {
            unmatched++;
            return;
        }
        final long second = Math.floorDiv(officialTimeNs, SECOND_NS);
        if (second == lastSecond)
        {
            return;
        }
        lastSecond = second;
        final long ours = series.valueAt(second * SECOND_NS);
        if (ours == Scales.NULL)
        {
            unmatched++;
            return;
        }
        final long errorCents = Scales.rescale(ours - officialValue, Scales.PRICE_DECIMALS, 2);
        final long abs = Math.min(Math.abs(errorCents), MAX_CENTS);
        absCents.recordValue(abs);
        compared++;
        sumErrorCents += errorCents;
        maxAbsCents = Math.max(maxAbsCents, abs);
        lastErrorCents = errorCents;
    }

    /** Seconds compared. */
    public long compared()
    {
        return compared;
    }

    /** Relayed values with no print of ours to compare with (no value that second, or before we started). */
    public long unmatched()
    {
        return unmatched;
    }

    /** Mean signed error (ours - official), dollars: the bias. NaN before any comparison. */
    public double meanErrorDollars()
    {
        return compared == 0 ? Double.NaN : (double)sumErrorCents / compared / 100.0;
    }

    /** Median absolute error, dollars (histogram resolution: 3 significant digits). */
    public double medianAbsErrorDollars()
    {
        return compared == 0 ? Double.NaN : absCents.getValueAtPercentile(50.0) / 100.0;
    }

    /** 95th percentile absolute error, dollars. */
    public double p95AbsErrorDollars()
    {
        return compared == 0 ? Double.NaN : absCents.getValueAtPercentile(95.0) / 100.0;
    }

    public double maxAbsErrorDollars()
    {
        return compared == 0 ? Double.NaN : maxAbsCents / 100.0;
    }

    /** The last compared second's error, in cents (ours - official). */
    public long lastErrorCents()
    {
        return lastErrorCents;
    }

    /** One-line summary for logs and the run summary (cold path). */
    public String summary()
    {
        return String.format(java.util.Locale.ROOT,
            "compared=%d unmatched=%d bias=$%.2f median|err|=$%.2f p95|err|=$%.2f max|err|=$%.2f",
            compared, unmatched, meanErrorDollars(), medianAbsErrorDollars(), p95AbsErrorDollars(),
            maxAbsErrorDollars());
    }
}
