package arb.engine.index;

import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import arb.journal.Scales;
import org.junit.jupiter.api.Test;

class IndexSeriesTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_770_019_200L * S;

    @Test
    void keepsTheLastCapacitySecondsAndForgetsOlderOnes()
    {
        final IndexSeries series = new IndexSeries(128);
        for (int i = 0; i < 300; i++)
        {
            series.record(T0 + i * S, usd(60000 + i));
        }
        assertThat(series.valueAt(T0 + 299 * S)).isEqualTo(usd(60299));
        assertThat(series.valueAt(T0 + 172 * S)).isEqualTo(usd(60172));
        assertThat(series.valueAt(T0 + 171 * S)).isEqualTo(Scales.NULL); // overwritten by second 299
        assertThat(series.valueAt(T0 + 300 * S)).isEqualTo(Scales.NULL); // not yet recorded
    }

    @Test
    void printsAreWholeCents()
    {
        final IndexSeries series = new IndexSeries(128);
        series.record(T0, usd("60000.125"));
        assertThat(series.valueAt(T0)).isEqualTo(usd("60000.13"));
    }

    @Test
    void windowOfNoValuesHasNoAverage()
    {
        final IndexSeries series = new IndexSeries(128);
        for (int i = 0; i < 60; i++)
        {
            series.record(T0 - i * S, Scales.NULL);
        }
        assertThat(series.windowAverage(T0, 60 * S)).isEqualTo(Scales.NULL);
        assertThat(series.lastSamples()).isZero();
    }

    @Test
    void roundedQuotientIsHalfAwayFromZero()
    {
        assertThat(IndexSeries.roundedQuotient(5, 2)).isEqualTo(3);
        assertThat(IndexSeries.roundedQuotient(7, 3)).isEqualTo(2);
        assertThat(IndexSeries.roundedQuotient(-5, 2)).isEqualTo(-3);
    }
}
