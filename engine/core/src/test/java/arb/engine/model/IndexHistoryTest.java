package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import arb.journal.Scales;
import org.junit.jupiter.api.Test;

class IndexHistoryTest
{
    private static final long S = 1_000_000_000L;

    @Test
    void looksUpByTimeAndSumsWindowsAcrossTheRingWrap()
    {
        final IndexHistory history = new IndexHistory(100 * S, S);
        for (int i = 1; i <= 250; i++)
        {
            if (i % 10 != 0) // a gap every ten seconds
            {
                assertThat(history.onPrint(i * S, i * 100L)).isTrue();
            }
        }
        assertThat(history.lastValue()).isEqualTo(24_900L);
        assertThat(history.lastSecondNs()).isEqualTo(249 * S);
        assertThat(history.valueAtOrBefore(240 * S + S / 2)).isEqualTo(23_900L); // 240 is a gap
        assertThat(history.secondAtOrBefore(240 * S)).isEqualTo(239 * S);
        assertThat(history.valueAtOrBefore(10 * S)).isEqualTo(Scales.NULL); // evicted
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
    void ignoresStaleAndInvalidPrints()
    {
        final IndexHistory history = new IndexHistory(10 * S, S);
        assertThat(history.lastValue()).isEqualTo(Scales.NULL);
        assertThat(history.onPrint(5 * S, 1)).isTrue();
        assertThat(history.onPrint(5 * S, 2)).isFalse();
        assertThat(history.onPrint(4 * S, 2)).isFalse();
        assertThat(history.onPrint(6 * S, 0)).isFalse();
        assertThat(history.size()).isEqualTo(1);
    }
}
