package arb.engine.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The two lag estimators on synthetic traces whose quotes are the fair value {@code lag} earlier
 * plus noise: both recover the lag; a quote that leads nothing gives no lag.
 */
class LagEstimatorsTest
{
    private static final long SECOND = 1_000_000_000L;

    /** 15-minute markets: fair value a random walk with jumps, sampled every 200 ms; a quote every second. */
    private static List<MarketTrace> traces(final long lagNs, final int markets, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<MarketTrace> out = new ArrayList<>();
        for (int m = 0; m < markets; m++)
        {
            final long open = m * 900 * SECOND;
            final long close = open + 900 * SECOND;
            final MarketTrace t = new MarketTrace("KXBTC15M", "T" + m, close);
            final int steps = 900 * 5;
            final double[] fv = new double[steps];
            double x = 0.5;
            for (int i = 0; i < steps; i++)
            {
                if (i % 5 == 0)
                {
                    x += 0.006 * random.nextGaussian() + (random.nextInt(150) == 0 ? 0.12 * (random.nextBoolean() ? 1 : -1) : 0);
                    x = Math.max(0.05, Math.min(0.95, x));
                }
                fv[i] = x;
                t.fair(open + i * 200_000_000L, x);
            }
            double noise = 0;
            for (long q = open + 300_000_000L; q < close; q += SECOND)
            {
                final long seen = q - lagNs - open;
                final double base = seen < 0 ? fv[0] : fv[(int)Math.min(steps - 1, seen / 200_000_000L)];
                noise = 0.8 * noise + 0.006 * random.nextGaussian();
                t.quote(q, base + noise);
            }
            out.add(t);
        }
        return out;
    }

    @Test
    void bothEstimatorsRecoverTheLagWithinTheResolution()
    {
        for (final long lag : new long[] {0, 2 * SECOND, 10 * SECOND, 30 * SECOND})
        {
            final LagReport r = LagReport.of(traces(lag, 12, 5 + lag), LagSettings.defaults(), 1);
            assertThat(r.resolutionMs()).isEqualTo(1000);
            assertThat(r.all().events()).as("events at lag %d", lag).hasSizeGreaterThan(10);
            assertThat(r.headlineMs()).as("event study at lag %d", lag).isCloseTo(lag / 1e6, org.assertj.core.data.Offset.offset(1000.0));
            assertThat(r.all().ccf().peakNs() / 1e6).as("cross-correlation at lag %d", lag)
                .isCloseTo(lag / 1e6, org.assertj.core.data.Offset.offset(1000.0));
            assertThat(r.all().ccf().lowNs()).isLessThanOrEqualTo(r.all().ccf().peakNs());
            assertThat(r.all().ccf().highNs()).isGreaterThanOrEqualTo(r.all().ccf().peakNs());
            assertThat(r.toMap()).containsKeys("median_ms", "p25_ms", "p75_ms", "events", "method", "resolution_ms");
        }
    }

    @Test
    void quotesThatNeverFollowGiveNoEventLagAndNoCorrelation()
    {
        final List<MarketTrace> traces = traces(0, 6, 3);
        final List<MarketTrace> frozen = new ArrayList<>();
        for (final MarketTrace t : traces)
        {
            final MarketTrace f = new MarketTrace(t.series(), t.ticker(), t.closeTimeNs());
            for (int i = 0; i < t.fairCount(); i++)
            {
                f.fair(t.fairNs(i), t.fair(i));
            }
            for (int i = 0; i < t.quoteCount(); i++)
            {
                f.quote(t.quoteNs(i), 0.5);
            }
            frozen.add(f);
        }
        final LagReport r = LagReport.of(frozen, LagSettings.defaults(), 1);
        assertThat(r.all().events()).isNotEmpty().allMatch(EventStudy.Event::halfCensored);
        assertThat(r.all().ccf().peakCorrelation()).isEqualTo(0.0);
    }
}
