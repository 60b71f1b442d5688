package arb.engine.model;

import java.math.BigInteger;

import arb.journal.Scales;

/**
 * Kalshi's trading fees in exact integer arithmetic on the schema's fixed-point scales.
 *
 * <p>Fee = multiplier × rate × C × P × (1 - P) dollars, rounded UP to a precision ($0.0001 by
 * default; $0.01 reproduces the fee schedule's whole-cent table), with rate 0.07 for takers and
 * 0.0175 for makers (series that charge makers; {@code KXBTC15M} does not). With C in 1e-2
 * contracts and P in 1e-4 dollars, C·P·(1 - P) is the integer {@link #feeBase} in units of 1e-10
 * dollars; the multiplier and rate are millionths, so the fee in money units (1e-6 $) is
 * {@code base × multiplier × rate / 1e16}. That fraction is reduced once at construction, which
 * leaves a tiny numerator and keeps the per-fill computation a multiply and a ceiling division in
 * 64 bits (an exact 128-bit fallback exists for fills too large for that: above about 10^11
 * contracts at the default settings, i.e. never in practice).
 *
 * <p>Kalshi rounds each fill up but keeps a per-order accumulator, so the fee of an order is the
 * rounded-up fee of its total, not the sum of rounded-up pieces: callers accumulate
 * {@link #feeBase} over an order's fills and charge {@code takerFeeOfBase(total) - charged}.
 */
public final class KalshiFees
{
    /** 0.07 in millionths. */
    public static final long TAKER_RATE_MICROS = 70_000L;
    /** 0.0175 in millionths. */
    public static final long MAKER_RATE_MICROS = 17_500L;
    /** Multiplier 1 in millionths. */
    public static final long UNIT_MULTIPLIER_MICROS = 1_000_000L;
    /** $0.0001 in money units: Kalshi's per-fill precision. */
    public static final long DEFAULT_PRECISION = 100L;
    /** $0.01 in money units: the fee schedule's whole cents. */
    public static final long WHOLE_CENTS = 10_000L;

    private static final long ONE_DOLLAR_KPRICE = Scales.KPRICE;
    private static final BigInteger DENOMINATOR_BASE = BigInteger.TEN.pow(16);

    private final long multiplierMicros;
    private final long precision;
    private final long takerNumerator;
    private final long takerDenominator;
    private final long makerNumerator;
    private final long makerDenominator;

    /**
     * @param multiplierMicros the series' {@code fee_multiplier} in millionths (1_000_000 = 1)
     * @param precision        rounding step of each charge in money units (1e-6 $), e.g. 100 = $0.0001
     */
    public KalshiFees(final long multiplierMicros, final long precision)
    {
        if (multiplierMicros < 0 || precision <= 0)
        {
            throw new IllegalArgumentException("multiplier >= 0 and precision > 0 required");
        }
        this.multiplierMicros = multiplierMicros;
        this.precision = precision;
        final long[] taker = reduce(multiplierMicros, TAKER_RATE_MICROS, precision);
        final long[] maker = reduce(multiplierMicros, MAKER_RATE_MICROS, precision);
        takerNumerator = taker[0];
        takerDenominator = taker[1];
        makerNumerator = maker[0];
        makerDenominator = maker[1];
    }

    /** Multiplier 1 at $0.0001 precision: {@code KXBTC15M}'s fee schedule. */
    public static KalshiFees standard()
    {
        return new KalshiFees(UNIT_MULTIPLIER_MICROS, DEFAULT_PRECISION);
    }

    /** C × P × (1 - P) in units of 1e-10 dollars (qty at 1e-2 contracts, price at 1e-4 dollars). */
    public static long feeBase(final long qty, final long price)
    {
        return qty * price * (ONE_DOLLAR_KPRICE - price);
    }

    /** Taker fee of one fill, money units, rounded up to the precision. */
    public long takerFee(final long qty, final long price)
    {
        return takerFeeOfBase(feeBase(qty, price));
    }

    /** Maker fee of one fill, money units, rounded up to the precision. */
    public long makerFee(final long qty, final long price)
    {
        return roundUp(feeBase(qty, price), makerNumerator, makerDenominator);
    }

    /** Taker fee for an accumulated {@link #feeBase}, money units, rounded up to the precision. */
    public long takerFeeOfBase(final long base)
    {
        return roundUp(base, takerNumerator, takerDenominator);
    }

    /**
     * Unrounded taker fee per contract at a price, in dollars: for limit prices and sizing, where
     * the fee must be known before the quantity is.
     */
    public double takerFeePerContract(final long price)
    {
        final double p = price / (double)ONE_DOLLAR_KPRICE;
        return multiplierMicros / 1e6 * (TAKER_RATE_MICROS / 1e6) * p * (1.0 - p);
    }

    public long precision()
    {
        return precision;
    }

    public long multiplierMicros()
    {
        return multiplierMicros;
    }

    private long roundUp(final long base, final long numerator, final long denominator)
    {
        if (base <= 0 || numerator == 0)
        {
            return 0;
        }
        final long high = Math.multiplyHigh(base, numerator);
        final long product = base * numerator;
        if (high == 0 && product >= 0)
        {
            final long steps = product / denominator + (product % denominator == 0 ? 0 : 1);
            return Math.multiplyExact(steps, precision);
        }
        final BigInteger[] qr = BigInteger.valueOf(base).multiply(BigInteger.valueOf(numerator))
            .divideAndRemainder(BigInteger.valueOf(denominator));
        final long steps = qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
        return Math.multiplyExact(steps, precision);
    }

    /** (multiplier × rate) / (precision × 1e16) as a reduced fraction of longs. */
    private static long[] reduce(final long multiplierMicros, final long rateMicros, final long precision)
    {
        final BigInteger numerator = BigInteger.valueOf(multiplierMicros).multiply(BigInteger.valueOf(rateMicros));
        final BigInteger denominator = BigInteger.valueOf(precision).multiply(DENOMINATOR_BASE);
        if (numerator.signum() == 0)
        {
            return new long[] {0, 1};
        }
        final BigInteger gcd = numerator.gcd(denominator);
        return new long[] {numerator.divide(gcd).longValueExact(), denominator.divide(gcd).longValueExact()};
    }
}
