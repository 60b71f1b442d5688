package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import arb.engine.model.FairValueModel.Dynamics;
import arb.sbe.StrikeType;
import org.junit.jupiter.api.Test;

class FairValueModelTest
{
    private static final long S = 1_000_000_000L;
    private static final long DOLLAR = 100_000_000L;
    private static final long STRIKE = 100_000 * DOLLAR;
    /** 1e-4 per sqrt second: $10 per sqrt second at $100k (about 56% a year). */
    private static final double SIGMA = 1e-4;

    private final FairValueModel model = FairValueModel.kalshi(0);

    @Test
    void atTheMoneyIsOneHalf()
    {
        // round(A) >= K  <=>  A >= K - half a cent: an expected average exactly there is a coin toss
        final long halfCent = FairValueModel.CENT / 2;
        for (final long ttc : new long[] {600 * S, 61 * S, 30 * S, 1 * S})
        {
            final int known = 60 - model.futurePrintCount(ttc);
            final double p = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - halfCent, ttc,
                known, known * (STRIKE - halfCent), SIGMA);
            assertThat(p).as("ttc=%d", ttc).isCloseTo(0.5, within(1e-12));
        }
        // index exactly at the strike: the half cent of rounding tilts it, by a hair, to YES
        final double atStrike = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE, 600 * S, 0, 0, SIGMA);
        assertThat(atStrike).isGreaterThan(0.5).isLessThan(0.5001);
        // strictly greater (KXBTCD) at the strike: the same hair toward NO
        final double greater = model.probabilityYes(StrikeType.GREATER, STRIKE, 0, STRIKE, 600 * S, 0, 0, SIGMA);
        assertThat(greater).isLessThan(0.5).isGreaterThan(0.4999);
    }

    @Test
    void deepInAndOutOfTheMoneyGoToOneAndZero()
    {
        final double itm = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE + 5_000 * DOLLAR, 600 * S, 0, 0, SIGMA);
        final double otm = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - 5_000 * DOLLAR, 600 * S, 0, 0, SIGMA);
        assertThat(itm).isEqualTo(1.0);
        assertThat(otm).isLessThan(1e-30);
        double previous = 0;
        for (int dollars = -400; dollars <= 400; dollars += 5)
        {
            final double p = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE + dollars * DOLLAR, 300 * S, 0, 0, SIGMA);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    @Test
    void moreTimeMeansLessCertainty()
    {
        final long index = STRIKE + 50 * DOLLAR;
        double previous = 1.0;
        for (final long ttc : new long[] {60 * S, 120 * S, 300 * S, 900 * S, 3600 * S})
        {
            final double p = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, index, ttc, 0, 0, SIGMA);
            assertThat(p).isLessThan(previous).isGreaterThan(0.5);
            previous = p;
        }
    }

    @Test
    void symmetricAroundTheThreshold()
    {
        // same index (so the same spread), known averages mirrored around the half-cent threshold
        final long threshold = STRIKE - FairValueModel.CENT / 2;
        for (int dollars = 1; dollars < 300; dollars += 17)
        {
            final long offset = dollars * DOLLAR;
            final double up = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, threshold, 30 * S, 30, 30 * (threshold + offset), SIGMA);
            final double down = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, threshold, 30 * S, 30, 30 * (threshold - offset), SIGMA);
            assertThat(up + down).isCloseTo(1.0, within(1e-15));
            assertThat(up).isGreaterThan(0.5);
        }
        // YES of "greater or equal" and YES of "less" are complements
        final double ge = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE + 7 * DOLLAR, 200 * S, 0, 0, SIGMA);
        final double lt = model.probabilityYes(StrikeType.LESS, 0, STRIKE, STRIKE + 7 * DOLLAR, 200 * S, 0, 0, SIGMA);
        assertThat(ge + lt).isEqualTo(1.0);
    }

    @Test
    void fullyElapsedWindowIsDecidedByTheKnownAverageRoundedToCents()
    {
        final long halfCent = FairValueModel.CENT / 2;
        // average exactly K - 0.005 rounds up to K: YES for >=, NO for >
        final long sumAtHalf = 60 * (STRIKE - halfCent);
        // the index is irrelevant once every print is known, even if it is far away
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - 500 * DOLLAR, 0, 60, sumAtHalf, SIGMA)).isEqualTo(1.0);
        assertThat(model.probabilityYes(StrikeType.GREATER, STRIKE, 0, STRIKE + 500 * DOLLAR, 0, 60, sumAtHalf, SIGMA)).isEqualTo(0.0);
        // one 1e-8 below the half cent in total is not enough to round up
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE, -5 * S, 60, sumAtHalf - 1, SIGMA)).isEqualTo(0.0);
        // strictly greater needs the rounded average a cent above: K + 0.005 rounds to K + 0.01
        assertThat(model.probabilityYes(StrikeType.GREATER, STRIKE, 0, STRIKE, 0, 60, 60 * (STRIKE + halfCent), SIGMA)).isEqualTo(1.0);
        // a window with gaps averages the prints it has
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE, 0, 57, 57 * STRIKE, SIGMA)).isEqualTo(1.0);
        assertThat(model.roundedAverage()).isEqualTo(STRIKE);
        // nothing known, nothing to come: undetermined
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE, 0, 0, 0, SIGMA)).isNaN();
    }

    @Test
    void knownPartOfTheWindowDominatesNearTheClose()
    {
        // 58 prints averaged $40 above the strike, the index $60 below, 2 s left: YES is near certain
        final long known = 58 * (STRIKE + 40 * DOLLAR);
        final double p = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - 60 * DOLLAR, 2 * S, 58, known, SIGMA);
        assertThat(p).isGreaterThan(0.999999);
        // the same index without that history would be a clear NO
        final double fresh = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - 60 * DOLLAR, 60 * S, 0, 0, SIGMA);
        assertThat(fresh).isLessThan(0.1);
    }

    @Test
    void zeroVolatilityIsDeterministicOnTheExpectedAverage()
    {
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE, 300 * S, 0, 0, 0.0)).isEqualTo(1.0);
        assertThat(model.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE - FairValueModel.CENT, 300 * S, 0, 0, 0.0)).isEqualTo(0.0);
    }

    @Test
    void varianceClosedFormEqualsTheDoubleSumOfMinimumTimes()
    {
        final long[] ttcs = {1 * S, 2 * S + 300_000_000L, 37 * S + 1, 59 * S + 999_999_999L, 60 * S, 61 * S, 901 * S + 123};
        for (final long ttc : ttcs)
        {
            assertThat(model.prepare(STRIKE, ttc, 60 - model.futurePrintCount(ttc), 0, SIGMA)).isTrue();
            final int m = model.futurePrints();
            final double first = (ttc - (m - 1) * S) / 1e9;
            double brute = 0;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    brute += Math.min(first + i, first + j);
                }
            }
            final int n = 60;
            final double expectedSd = SIGMA * 100_000.0 * Math.sqrt(brute) / n;
            assertThat(model.averageSd()).as("ttc=%d", ttc).isCloseTo(expectedSd, within(expectedSd * 1e-12));
        }
    }

    @Test
    void betweenIsTheDifferenceOfTwoThresholds()
    {
        final long floor = STRIKE - 100 * DOLLAR;
        final long cap = STRIKE + 99 * DOLLAR + 99 * FairValueModel.CENT;
        final double between = model.probabilityYes(StrikeType.BETWEEN, floor, cap, STRIKE, 300 * S, 0, 0, SIGMA);
        final double above = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, floor, 0, STRIKE, 300 * S, 0, 0, SIGMA);
        final double aboveCap = model.probabilityYes(StrikeType.GREATER, cap, 0, STRIKE, 300 * S, 0, 0, SIGMA);
        assertThat(between).isCloseTo(above - aboveCap, within(1e-15)).isBetween(0.0, 1.0);
        assertThat(model.probabilityYes(StrikeType.UNKNOWN, STRIKE, 0, STRIKE, 300 * S, 0, 0, SIGMA)).isNaN();
    }

    @Test
    void monteCarloArithmeticBeforeTheWindowOpens()
    {
        // 5 minutes to close, index $30 above the strike
        checkAgainstMonteCarlo(model, Dynamics.ARITHMETIC, StrikeType.GREATER_OR_EQUAL, STRIKE + 30 * DOLLAR, 300 * S, 0, 0, 0, 11);
    }

    @Test
    void monteCarloArithmeticInsideTheWindow()
    {
        // 20.4 s to close, 40 prints known averaging $2 below the strike, index $3 above
        checkAgainstMonteCarlo(model, Dynamics.ARITHMETIC, StrikeType.GREATER_OR_EQUAL, STRIKE + 3 * DOLLAR, 20 * S + 400_000_000L,
            40, 40 * (STRIKE - 2 * DOLLAR), 0, 12);
    }

    @Test
    void monteCarloGeometricAnHourOutWithHighVolatility()
    {
        final FairValueModel geometric = new FairValueModel(60, S, Dynamics.GEOMETRIC, 0);
        checkAgainstMonteCarlo(geometric, Dynamics.GEOMETRIC, StrikeType.GREATER, STRIKE - 400 * DOLLAR, 3600 * S, 0, 0, 0, 13);
    }

    @Test
    void monteCarloWithBasisNoise()
    {
        final long basis = 5 * DOLLAR;
        final FairValueModel withBasis = FairValueModel.kalshi(basis);
        checkAgainstMonteCarlo(withBasis, Dynamics.ARITHMETIC, StrikeType.GREATER_OR_EQUAL, STRIKE - 4 * DOLLAR, 10 * S,
            50, 50 * (STRIKE + DOLLAR), basis, 14);
    }

    /**
     * Simulates the index path print by print (exact transitions of the Brownian motion), takes the
     * rounded average, applies the payoff, and compares the frequency with the model.
     * Tolerance: 4.5 binomial standard errors plus 0.002 for the lognormal moment match of the
     * geometric case (Lévy's approximation is far better than that at σ²T = 3e-4).
     */
    private static void checkAgainstMonteCarlo(
        final FairValueModel fairValue,
        final Dynamics dynamics,
        final StrikeType type,
        final long index,
        final long ttc,
        final int known,
        final long knownSum,
        final long basis,
        final long seed)
    {
        final double sigma = dynamics == Dynamics.GEOMETRIC ? 3e-4 : SIGMA;
        final double p = fairValue.probabilityYes(type, STRIKE, 0, index, ttc, known, knownSum, sigma);
        final int paths = 100_000;
        final Random random = new Random(seed);
        final int m = fairValue.futurePrintCount(ttc);
        final double first = (ttc - (m - 1) * S) / 1e9;
        final double s0 = index / 1e8;
        final double strike = STRIKE / 1e8;
        final double knownDollars = knownSum / 1e8;
        int yes = 0;
        for (int path = 0; path < paths; path++)
        {
            double s = s0;
            double sum = knownDollars;
            for (int j = 0; j < m; j++)
            {
                final double dt = j == 0 ? first : 1.0;
                final double z = random.nextGaussian();
                if (dynamics == Dynamics.GEOMETRIC)
                {
                    s *= Math.exp(sigma * Math.sqrt(dt) * z - 0.5 * sigma * sigma * dt);
                }
                else
                {
                    s += sigma * s0 * Math.sqrt(dt) * z;
                }
                sum += s;
            }
            double average = sum / (known + m);
            if (basis > 0)
            {
                average += basis / 1e8 * random.nextGaussian();
            }
            final double rounded = Math.floor(average * 100.0 + 0.5) / 100.0;
            final boolean win = type == StrikeType.GREATER ? rounded > strike : rounded >= strike;
            yes += win ? 1 : 0;
        }
        final double frequency = (double)yes / paths;
        final double standardError = Math.sqrt(p * (1 - p) / paths);
        final double slack = dynamics == Dynamics.GEOMETRIC ? 0.002 : 0.0;
        assertThat(p).isBetween(0.05, 0.95); // a check where the answer is not trivially 0 or 1
        assertThat(frequency).isCloseTo(p, within(4.5 * standardError + slack));
    }

    @Test
    void evaluationDoesNotAllocate()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final FairValueModel geometric = new FairValueModel(60, S, Dynamics.GEOMETRIC, 3 * DOLLAR);
        double sink = digest(model, 20_000) + digest(geometric, 20_000);
        final long before = threads.getCurrentThreadAllocatedBytes();
        sink += digest(model, 50_000) + digest(geometric, 50_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isNotNaN();
        assertThat(allocated).isLessThan(1024);
    }

    @Test
    void sameBitsInTheInterpreterAsCompiled() throws IOException, InterruptedException
    {
        // warm up until C2 has compiled the model, then digest; a child JVM with -Xint must agree
        for (int i = 0; i < 5; i++)
        {
            bitDigest(5_000);
        }
        final long compiled = bitDigest(5_000);
        final List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.add("-Xint");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InterpretedDigest.class.getName());
        command.add("5000");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Long.parseLong(output)).isEqualTo(compiled);
    }

    /** Entry point for the -Xint child JVM. */
    public static final class InterpretedDigest
    {
        public static void main(final String[] args)
        {
            System.out.println(bitDigest(Integer.parseInt(args[0])));
        }
    }

    /** A digest over the exact bits of many evaluations across both dynamics and all regions. */
    static long bitDigest(final int evaluations)
    {
        final FairValueModel arithmetic = FairValueModel.kalshi(2 * DOLLAR);
        final FairValueModel geometric = new FairValueModel(60, S, Dynamics.GEOMETRIC, 0);
        long h = 1125899906842597L;
        for (int i = 0; i < evaluations; i++)
        {
            final long index = STRIKE + (i % 2001 - 1000) * DOLLAR / 7;
            final long ttc = (i * 7919L % 1000) * S / 3;
            final int known = 60 - arithmetic.futurePrintCount(ttc);
            final double sigma = 2e-5 + (i % 97) * 3e-6;
            final double a = arithmetic.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, index, ttc, known, known * (index - DOLLAR), sigma);
            final double g = geometric.probabilityYes(StrikeType.GREATER, STRIKE, 0, index, ttc + 3600 * S, 0, 0, sigma * 3);
            h = 31 * h + Double.doubleToRawLongBits(a);
            h = 31 * h + Double.doubleToRawLongBits(g);
            h = 31 * h + Double.doubleToRawLongBits(StrictNormal.cdf((i % 4001 - 2000) / 50.0));
        }
        return h;
    }

    private static double digest(final FairValueModel fairValue, final int evaluations)
    {
        double total = 0;
        for (int i = 0; i < evaluations; i++)
        {
            final long ttc = (i % 900) * S;
            final int known = 60 - fairValue.futurePrintCount(ttc);
            total += fairValue.probabilityYes(StrikeType.GREATER_OR_EQUAL, STRIKE, 0, STRIKE + (i % 200 - 100) * DOLLAR, ttc,
                known, known * STRIKE, SIGMA * (1 + i % 3));
        }
        return total;
    }
}
