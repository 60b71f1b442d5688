package arb.strategy.api;

/**
 * The fixed-point scales of the numbers a strategy reads and sends (the engine's event scales):
 * integers, so a strategy computes the same result on every machine.
 */
public final class Units
{
    /** Kalshi contract prices: 1e-4 dollars ($0.53 = 5_300; $1 = 10_000). */
    public static final long KPRICE = 10_000L;
    /** Kalshi contract quantities: 1e-2 contracts (10 contracts = 1_000). */
    public static final long KQTY = 100L;
    /** Index and strike prices: 1e-8 dollars ($65,000.00 = 6_500_000_000_000). */
    public static final long PRICE = 100_000_000L;
    /** Nanoseconds in a second. */
    public static final long SECOND_NS = 1_000_000_000L;
    /** A number the engine has none of (no index yet, no strike): Long.MIN_VALUE. */
    public static final long NONE = Long.MIN_VALUE;

    private Units()
    {
    }
}
