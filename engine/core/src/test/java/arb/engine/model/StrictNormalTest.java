package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks the fdlibm port against a 60-digit BigDecimal reference (an all-positive series for erf,
 * a continued fraction for the erfc tail), so the documented accuracy is measured, not assumed.
 */
@Tag("slow")
@Timeout(120)
class StrictNormalTest
{
    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI =
        new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
    private static final BigDecimal SQRT_PI = PI.sqrt(MC);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Test
    void erfIsWithinTwoUlpsOfTheReference()
    {
        double worst = 0;
        for (int i = -600; i <= 600; i += 3)
        {
            final double x = i / 100.0;
            final double ulps = ulpError(StrictNormal.erf(x), referenceErf(x));
            worst = Math.max(worst, ulps);
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void erfcIsWithinTenUlpsOfTheReferenceIntoTheFarTail()
    {
        double worst = 0;
        double worstOutsideTwoToThree = 0;
        for (int i = -600; i <= 2600; i += i < 300 ? 3 : 25)
        {
            final double x = i / 100.0;
            final double ulps = ulpError(StrictNormal.erfc(x), referenceErfc(BigDecimal.valueOf(x)));
            worst = Math.max(worst, ulps);
            if (x < 2.0 || x > 3.0)
            {
                worstOutsideTwoToThree = Math.max(worstOutsideTwoToThree, ulps);
            }
        }
        assertThat(worst).isLessThanOrEqualTo(10.0);
        assertThat(worstOutsideTwoToThree).isLessThanOrEqualTo(3.0);
    }

    @Test
    void cdfRelativeErrorStaysWithinTheDocumentedBound()
    {
        final BigDecimal sqrt2 = TWO.sqrt(MC);
        for (int i = -3700; i <= 800; i += 50)
        {
            final double x = i / 100.0;
            final BigDecimal arg = new BigDecimal(x).negate().divide(sqrt2, MC);
            final double reference = referenceErfc(arg).multiply(new BigDecimal("0.5"), MC).doubleValue();
            final double relative = Math.abs(StrictNormal.cdf(x) - reference) / reference;
            assertThat(relative).as("x=%s", x).isLessThanOrEqualTo(2e-15 * (1 + x * x));
        }
    }

    @Test
    void knownValuesSymmetryAndLimits()
    {
        assertThat(StrictNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StrictNormal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(StrictNormal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-16));
        assertThat(StrictNormal.erfc(5)).isCloseTo(1.5374597944280349e-12, within(1e-27));
        for (int i = 0; i <= 800; i += 7)
        {
            final double x = i / 100.0;
            assertThat(StrictNormal.cdf(x) + StrictNormal.cdf(-x)).isCloseTo(1.0, within(2e-16));
            assertThat(StrictNormal.erf(-x)).isEqualTo(-StrictNormal.erf(x));
        }
        assertThat(StrictNormal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(StrictNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(StrictNormal.cdf(-40)).isEqualTo(0.0);
        assertThat(StrictNormal.cdf(40)).isEqualTo(1.0);
        assertThat(StrictNormal.cdf(Double.NaN)).isNaN();
    }

    @Test
    void cdfIsMonotone()
    {
        double previous = 0;
        for (int i = -4000; i <= 1000; i++)
        {
            final double p = StrictNormal.cdf(i / 100.0);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    private static double ulpError(final double computed, final BigDecimal reference)
    {
        final double ref = reference.doubleValue();
        return new BigDecimal(computed).subtract(reference, MC).abs().doubleValue() / Math.ulp(ref);
    }

    private static BigDecimal referenceErf(final double x)
    {
        final BigDecimal erf = referenceErfOfNonNegative(new BigDecimal(Math.abs(x)));
        return x < 0 ? erf.negate() : erf;
    }

    private static BigDecimal referenceErfc(final BigDecimal x)
    {
        if (x.signum() < 0)
        {
            return TWO.subtract(referenceErfc(x.negate()), MC);
        }
        if (x.compareTo(BigDecimal.valueOf(3)) < 0)
        {
            return BigDecimal.ONE.subtract(referenceErfOfNonNegative(x), MC);
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated backwards
        BigDecimal t = x;
        for (int k = 4000; k >= 1; k--)
        {
            t = x.add(BigDecimal.valueOf(k).divide(TWO, MC).divide(t, MC), MC);
        }
        return expNegative(x.multiply(x, MC)).divide(SQRT_PI, MC).divide(t, MC);
    }

    /** erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): every term positive. */
    private static BigDecimal referenceErfOfNonNegative(final BigDecimal x)
    {
        final BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x;
        BigDecimal sum = x;
        for (int n = 1; n < 2000; n++)
        {
            term = term.multiply(TWO.multiply(x2, MC), MC).divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(term, MC);
            if (term.compareTo(sum.movePointLeft(65)) < 0)
            {
                break;
            }
        }
        return TWO.divide(SQRT_PI, MC).multiply(expNegative(x2), MC).multiply(sum, MC);
    }

    /** exp(-y) for y >= 0: Taylor series of exp(y / 2^10), squared ten times, inverted. */
    private static BigDecimal expNegative(final BigDecimal y)
    {
        final BigDecimal reduced = y.divide(BigDecimal.valueOf(1024), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 500; k++)
        {
            term = term.multiply(reduced, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.compareTo(sum.movePointLeft(70)) < 0)
            {
                break;
            }
        }
        for (int i = 0; i < 10; i++)
        {
            sum = sum.multiply(sum, MC);
        }
        return BigDecimal.ONE.divide(sum, MC);
    }
}
