package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class VolatilityEstimatorTest
{
    private static final long S = 1_000_000_000L;
    private static final double SIGMA = 1e-4;
    private static final double PRIOR = 5e-5;

    private static VolatilityEstimator estimator(final long windowSeconds, final long priorWeightSeconds)
    {
        return new VolatilityEstimator(windowSeconds * S, S, 30 * S, PRIOR, priorWeightSeconds * S, 0.01, 0.0, 1.0);
    }

    /** Feeds a geometric Brownian path printed every {@code spacing} seconds, rounded to cents. */
    private static long feed(final VolatilityEstimator vol, final Random random, final long startNs, final int seconds,
        final int spacing, final double sigma, final double startPrice)
    {
        double price = startPrice;
        long t = startNs;
        for (int i = 0; i < seconds; i += spacing)
        {
            price *= Math.exp(sigma * Math.sqrt(spacing) * random.nextGaussian());
            t = startNs + (long)i * S;
            vol.onPrint(t, Math.round(price * 100) * 1_000_000L);
        }
        return t;
    }

    @Test
    void estimatesTheVolatilityOfAGeometricBrownianPath()
    {
        final VolatilityEstimator vol = estimator(900, 0);
        final long end = feed(vol, new Random(1), 0, 3600, 1, SIGMA, 100_000);
        // 899 returns in the window: the variance estimate has a relative error of sqrt(2/899) = 4.7%
        assertThat(vol.samples()).isBetween(898, 900);
        assertThat(vol.sigma(end)).isCloseTo(SIGMA, within(SIGMA * 0.08));
    }

    /**
     * A jump of 0.4% (three times the winsorisation-free range of ordinary returns) in a 15-minute
     * window of 1e-4/sqrt(s) diffusion: realised variance nearly triples, bipower variance stays on
     * the diffusion, and the difference is the jump's contribution.
     */
    @Test
    void bipowerVariationMeasuresTheDiffusionThroughAJump()
    {
        final VolatilityEstimator vol = estimator(900, 0);
        final Random random = new Random(3);
        double price = 100_000;
        long t = 0;
        for (int i = 0; i < 900; i++)
        {
            price *= Math.exp(SIGMA * random.nextGaussian() + (i == 450 ? 0.004 : 0.0));
            t = (long)i * S;
            vol.onPrint(t, Math.round(price * 100) * 1_000_000L);
        }
        final double diffusion = SIGMA * SIGMA;
        assertThat(vol.variancePerSecond(t)).isGreaterThan(2.5 * diffusion);
        assertThat(vol.bipowerVariancePerSecond(t)).isCloseTo(diffusion, within(diffusion * 0.15));
        // the jump's 0.004^2 spread over the 899 s of returns
        assertThat(vol.jumpVariancePerSecond(t)).isCloseTo(0.004 * 0.004 / 899, within(diffusion * 0.3));
        // without a jump the bipower and realised estimates agree and the jump part is near 0
        final VolatilityEstimator calm = estimator(900, 0);
        final long end = feed(calm, new Random(4), 0, 900, 1, SIGMA, 100_000);
        assertThat(calm.bipowerVariancePerSecond(end)).isCloseTo(calm.variancePerSecond(end), within(diffusion * 0.15));
        assertThat(calm.jumpVariancePerSecond(end)).isLessThan(diffusion * 0.15);
    }

    @Test
    void theWindowIsTimeNotTicks()
    {
        // one print every 5 s: a 300 s window holds 60 returns spanning 300 s, and the time
        // weighting keeps the per-second estimate right (the original counted ticks: 5 min = 30 s)
        final VolatilityEstimator sparse = estimator(300, 0);
        final long end = feed(sparse, new Random(2), 0, 3000, 5, SIGMA, 100_000);
        assertThat(sparse.samples()).isEqualTo(60);
        assertThat(sparse.coveredNs()).isEqualTo(300 * S);
        final VolatilityEstimator longer = estimator(3000, 0);
        feed(longer, new Random(2), 0, 3000, 5, SIGMA, 100_000);
        assertThat(longer.sigma(end)).isCloseTo(SIGMA, within(SIGMA * 0.1));
    }

    @Test
    void aLongGapRestartsTheChainInsteadOfMakingOneHugeReturn()
    {
        final VolatilityEstimator vol = estimator(900, 0);
        long t = 0;
        for (int i = 0; i < 100; i++)
        {
            vol.onPrint(t, i % 2 == 0 ? 100_000_00000000L : 100_010_00000000L);
            t += S;
        }
        final double before = vol.variancePerSecond(t);
        // 2 minutes without an index, then 5% higher
        t += 120 * S;
        vol.onPrint(t, 105_000_00000000L);
        assertThat(vol.variancePerSecond(t)).isCloseTo(before, within(before * 0.3));
        // the next second's return counts again
        vol.onPrint(t + S, 105_010_00000000L);
        assertThat(vol.samples()).isEqualTo(100);
    }

    @Test
    void aBadPrintIsWinsorised()
    {
        final VolatilityEstimator vol = estimator(900, 0);
        final long end = feed(vol, new Random(3), 0, 600, 1, SIGMA, 100_000);
        vol.onPrint(end + S, 150_000_00000000L); // +50% for one second
        vol.onPrint(end + 2 * S, 100_000_00000000L);
        // each of the two returns is capped at 1% per sqrt second: at most 2e-4 of variance over 600 s
        assertThat(vol.variancePerSecond(end + 2 * S)).isLessThan(SIGMA * SIGMA + 2 * 1e-4 / 600);
    }

    @Test
    void theEstimateAgesOutToThePriorWhenTheIndexStops()
    {
        final VolatilityEstimator vol = estimator(300, 60);
        assertThat(vol.sigma(0)).isCloseTo(PRIOR, within(1e-15));
        final long end = feed(vol, new Random(4), 0, 600, 1, 3 * SIGMA, 100_000);
        final double full = vol.sigma(end);
        // 299 s of data against 60 s of prior: mostly data
        assertThat(full).isGreaterThan(2.5 * SIGMA);
        // no prints for longer than the window: only the prior is left
        assertThat(vol.sigma(end + 301 * S)).isCloseTo(PRIOR, within(1e-15));
        assertThat(vol.samples()).isZero();
    }

    @Test
    void outOfOrderAndNonPositivePrintsAreIgnoredAndBoundsApply()
    {
        final VolatilityEstimator vol = new VolatilityEstimator(300 * S, S, 30 * S, PRIOR, 0, 0.01, 2e-5, 3e-4);
        vol.onPrint(10 * S, 100_000_00000000L);
        vol.onPrint(10 * S, 101_000_00000000L);
        vol.onPrint(9 * S, 101_000_00000000L);
        vol.onPrint(11 * S, 0);
        assertThat(vol.ignoredPrints()).isEqualTo(3);
        vol.onPrint(11 * S, 100_000_00000000L);
        assertThat(vol.samples()).isEqualTo(1);
        // a flat index gives zero variance: the floor applies
        assertThat(vol.sigma(11 * S)).isEqualTo(2e-5);
        assertThat(VolatilityEstimator.annualised(VolatilityEstimator.perSqrtSecond(0.5))).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void replayGivesTheSameBits()
    {
        final VolatilityEstimator a = estimator(900, 120);
        final VolatilityEstimator b = estimator(900, 120);
        final long end = feed(a, new Random(5), 0, 2000, 1, SIGMA, 100_000);
        feed(b, new Random(5), 0, 2000, 1, SIGMA, 100_000);
        assertThat(Double.doubleToRawLongBits(a.sigma(end))).isEqualTo(Double.doubleToRawLongBits(b.sigma(end)));
    }
}
