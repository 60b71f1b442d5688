package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import arb.journal.Scales;
import org.junit.jupiter.api.Test;

class IndexHistoryTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_770_019_200L * S;
    private static final long USD = Scales.PRICE;

    @Test
    void keepsTheLastCapacitySecondsAndForgetsOlderOnes()
    {
        final IndexHistory history = new IndexHistory(128);
        for (int i = 0; i < 300; i++)
        {
            history.record(T0 + i * S, (60000 + i) * USD);
        }
        assertThat(history.valueAt(T0 + 299 * S)).isEqualTo(60299 * USD);
        assertThat(history.valueAt(T0 + 172 * S)).isEqualTo(60172 * USD);
        assertThat(history.valueAt(T0 + 171 * S)).isEqualTo(Scales.NULL); // overwritten by second 299
        assertThat(history.valueAt(T0 + 300 * S)).isEqualTo(Scales.NULL); // not yet recorded
    }

    @Test
    void capacityIsRoundedUpToAPowerOfTwoOfAtLeast128()
    {
        assertThat(new IndexHistory(1).capacity()).isEqualTo(128);
        assertThat(new IndexHistory(128).capacity()).isEqualTo(128);
        assertThat(new IndexHistory(129).capacity()).isEqualTo(256);
        assertThat(new IndexHistory(4096).capacity()).isEqualTo(4096);
    }

    @Test
    void windowOfNoValuesHasNoPrints()
    {
        final IndexHistory history = new IndexHistory(128);
        for (int i = 0; i < 60; i++)
        {
            history.record(T0 - i * S, Scales.NULL);
        }
        assertThat(history.sum(T0 - 60 * S, T0)).isZero();
        assertThat(history.lastCount()).isZero();
        assertThat(history.lastValue()).isEqualTo(Scales.NULL);
        assertThat(history.valueAtOrBefore(T0)).isEqualTo(Scales.NULL);
        assertThat(SettlementRule.average(history, T0, 60 * S)).isEqualTo(Scales.NULL);
    }

    @Test
    void looksUpByTimeAndSumsWindowsAcrossTheRingWrap()
    {
        final IndexHistory history = new IndexHistory(128);
        for (int i = 1; i <= 250; i++)
        {
            if (i % 10 != 0) // a gap every ten seconds
            {
                history.record(i * S, i * 100L);
            }
        }
        assertThat(history.lastValue()).isEqualTo(24_900L);
        assertThat(history.lastSecondNs()).isEqualTo(249 * S);
        assertThat(history.valueAtOrBefore(240 * S + S / 2)).isEqualTo(23_900L); // 240 is a gap
        assertThat(history.secondAtOrBefore(240 * S)).isEqualTo(239 * S);
        assertThat(history.valueAtOrBefore(10 * S)).isEqualTo(Scales.NULL); // overwritten
        assertThat(history.valueAtOrBefore(1000 * S)).isEqualTo(24_900L); // the latest print
        // the window (190, 250]: 191..249 without 200, 210, ... 240
        final long sum = history.sum(190 * S, 250 * S);
        long expected = 0;
        int count = 0;
        for (int i = 191; i <= 250; i++)
        {
            if (i % 10 != 0)
            {
                expected += i * 100L;
                count++;
            }
        }
        assertThat(sum).isEqualTo(expected);
        assertThat(history.lastCount()).isEqualTo(count);
        assertThat(history.sum(300 * S, 400 * S)).isZero();
        assertThat(history.lastCount()).isZero();
    }

    @Test
    void theLatestPrintStaysKnownAcrossAGapLongerThanTheRing()
    {
        final IndexHistory history = new IndexHistory(128);
        history.record(5 * S, 7L);
        assertThat(history.valueAtOrBefore(5 * S + 10_000 * S)).isEqualTo(7L);
        assertThat(history.secondAtOrBefore(5 * S + 10_000 * S)).isEqualTo(5 * S);
        assertThat(history.valueAtOrBefore(4 * S)).isEqualTo(Scales.NULL);
        history.record(10_000 * S, 8L);
        assertThat(history.valueAtOrBefore(9_999 * S)).isEqualTo(Scales.NULL); // 5 s is beyond the ring's reach
    }
}
