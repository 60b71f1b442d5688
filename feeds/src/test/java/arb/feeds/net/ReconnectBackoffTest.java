package arb.feeds.net;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTest
{
    @Test
    void growsExponentiallyWithJitterUpToTheCap()
    {
        final ReconnectBackoff b = new ReconnectBackoff(100, 3_200, 0, 1_000, 600_000, new SplittableRandom(1));
        long previousStep = 0;
        for (int i = 0; i < 10; i++)
        {
            final long step = Math.min(3_200, 100L << i);
            final long d = b.nextDelayMs(0);
            assertThat(d).isBetween(step / 2, step);
            assertThat(step).isGreaterThanOrEqualTo(previousStep);
            previousStep = step;
        }
    }

    @Test
    void jitterSpreadsDelays()
    {
        final long[] seen = new long[20];
        for (int seed = 0; seed < seen.length; seed++)
        {
            final ReconnectBackoff b = new ReconnectBackoff(1_000, 60_000, 0, 100, 600_000, new SplittableRandom(seed));
            b.nextDelayMs(0);
            seen[seed] = b.nextDelayMs(0);
        }
        assertThat(java.util.Arrays.stream(seen).distinct().count()).isGreaterThan(10);
    }

    @Test
    void floorAppliesEvenToPromptReconnects()
    {
        final ReconnectBackoff b = new ReconnectBackoff(10, 100, 5_000, 150, 600_000, new SplittableRandom(1));
        assertThat(b.nextDelayMs(0)).isEqualTo(5_000);
        assertThat(b.promptDelayMs(0)).isEqualTo(5_000);
    }

    @Test
    void attemptWindowCapDelaysUntilTheOldestAttemptLeavesTheWindow()
    {
        // Kraken-like: at most 3 attempts per 10 s window.
        final ReconnectBackoff b = new ReconnectBackoff(0, 0, 0, 3, 10_000, new SplittableRandom(1));
        b.recordAttempt(1_000);
        b.recordAttempt(2_000);
        assertThat(b.promptDelayMs(2_500)).isZero();
        b.recordAttempt(3_000);
        assertThat(b.promptDelayMs(3_500)).isEqualTo(11_000 - 3_500);
        assertThat(b.nextDelayMs(3_500)).isEqualTo(11_000 - 3_500);
        assertThat(b.promptDelayMs(11_000)).isZero();
        b.recordAttempt(11_000);
        assertThat(b.promptDelayMs(11_000)).isEqualTo(12_000 - 11_000);
    }

    @Test
    void resetRestartsTheStreak()
    {
        final ReconnectBackoff b = new ReconnectBackoff(100, 10_000, 0, 100, 600_000, new SplittableRandom(3));
        for (int i = 0; i < 6; i++)
        {
            b.nextDelayMs(0);
        }
        assertThat(b.failures()).isEqualTo(6);
        b.reset();
        assertThat(b.nextDelayMs(0)).isBetween(50L, 100L);
    }
}
