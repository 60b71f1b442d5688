package arb.engine.strategy;

/**
 * The index stage as the trading stage reads it: the latest per-second value and the second it is
 * for. {@code WeightedLastIndex} (and the CF-RTI stage) have exactly these methods.
 */
public interface IndexFeed
{
    /** Latest per-second value (1e-8 USD), or {@link arb.journal.Scales#NULL} for a second with none. */
    long value();

    /** The second the latest value is for, or Long.MIN_VALUE before the first. */
    long valueSecondNs();
}
