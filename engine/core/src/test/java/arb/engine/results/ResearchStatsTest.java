package arb.engine.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The research statistics' formulas on hand-checked numbers, and the bootstrap's determinism. */
class ResearchStatsTest
{
    @Test
    void sharpeAndSortinoOfDailyPnl()
    {
        // mean 1, sample sd sqrt(((2)^2 + 0 + (-2)^2 + 0) / 3) = sqrt(8/3)
        final double[] days = {3, 1, -1, 1};
        assertThat(ResearchStats.sharpe(days)).isCloseTo(1 / Math.sqrt(8.0 / 3), Offset.offset(1e-12));
        // downside deviation sqrt(1/4) = 0.5
        assertThat(ResearchStats.sortino(days)).isCloseTo(2.0, Offset.offset(1e-12));
        assertThat(ResearchStats.sharpe(new double[] {5})).isNaN();
        assertThat(ResearchStats.sortino(new double[] {1, 2})).isNaN(); // no losing day
    }

    @Test
    void drawdownOfSettledPositionsInCloseOrder()
    {
        assertThat(ResearchStats.settledDrawdown(new long[] {5, -3, 4, -7, -1, 2})).isEqualTo(8);
        assertThat(ResearchStats.settledDrawdown(new long[] {1, 2, 3})).isZero();
    }

    @Test
    void bootstrapIntervalIsDeterministicAndHoldsTheMean()
    {
        final long[] pnls = new long[60];
        for (int i = 0; i < pnls.length; i++)
        {
            pnls[i] = (i % 3 == 0 ? -2_000_000L : 1_500_000L) + i * 10_000L;
        }
        final double mean = java.util.Arrays.stream(pnls).sum() / 1e6 / pnls.length;
        final double[] a = ResearchStats.bootstrapMean(pnls);
        assertThat(ResearchStats.bootstrapMean(pnls)).containsExactly(a);
        assertThat(a[0]).isLessThan(mean);
        assertThat(a[1]).isGreaterThan(mean);
        // about mean +- 1.96 sd/sqrt(n): sd here is about 1.65
        assertThat(a[1] - a[0]).isBetween(0.6, 1.1);
        assertThat(ResearchStats.bootstrapMean(new long[] {1})[0]).isNaN();
    }
}
