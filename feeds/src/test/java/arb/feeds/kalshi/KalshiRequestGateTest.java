package arb.feeds.kalshi;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure episode's rules, on explicit times: one pause per step, Retry-After exact, old news ignored. */
class KalshiRequestGateTest
{
    private static final long MS = 1_000_000L;

    private final List<Long> pauses = new ArrayList<>();

    private KalshiRequestGate gate(final KalshiFeedConfig config)
    {
        final KalshiRequestGate g = new KalshiRequestGate(config);
        g.start(0);
        g.onPause(pauses::add);
        return g;
    }

    private static KalshiFeedConfig config()
    {
        return KalshiFeedConfig.defaults().with("pollIntervalMs", "1000").with("backoffInitialMs", "500")
            .with("backoffMaxMs", "30000").with("maxConnections", "4");
    }

    @Test
    void requestsOfOnePollCycleRaiseThePauseOnce()
    {
        final KalshiRequestGate g = gate(config());
        final long sent = 1_000 * MS;
        for (int i = 0; i < 3; i++)
        {
            assertThat(g.admit(sent)).isTrue();
        }
        final long first = g.onFailure(sent, sent + 5 * MS, -1, false);
        assertThat(first).isBetween(250L, 500L);
        assertThat(g.onFailure(sent, sent + 6 * MS, -1, false)).isEqualTo(KalshiRequestGate.SAME_STEP);
        assertThat(g.onFailure(sent, sent + 7 * MS, -1, false)).isEqualTo(KalshiRequestGate.SAME_STEP);
        assertThat(pauses).containsExactly(first);
        assertThat(g.steps()).isEqualTo(1);
        assertThat(g.paused(sent + 5 * MS + first * MS - 1)).isTrue();
        assertThat(g.paused(sent + 5 * MS + first * MS)).isFalse();
    }

    @Test
    void oneProbePerPauseAndAFailedProbeIsTheNextStepCappedAtThePollInterval()
    {
        final KalshiRequestGate g = gate(config());
        long now = 0;
        g.admit(now);
        long pause = g.onFailure(now, now + MS, -1, false);
        for (int step = 0; step < 6; step++)
        {
            now += MS + pause * MS;
            assertThat(g.admit(now)).as("probe").isTrue();
            assertThat(g.admit(now)).as("one per pause").isFalse();
            g.done();
            pause = g.onFailure(now, now + MS, -1, false);
            assertThat(pause).as("5xx/timeouts: never longer than a poll").isBetween(1L, 1_000L);
        }
        assertThat(g.steps()).isEqualTo(7);
        assertThat(g.episodes()).isEqualTo(1);
        assertThat(g.onAnswer(now)).as("the answer ends the episode").isTrue();
        assertThat(g.paused(now + 2 * MS)).isFalse();
    }

    @Test
    void retryAfterIsKeptExactlyAndA429WithoutItMayGrowPastThePollInterval()
    {
        final KalshiRequestGate g = gate(config());
        assertThat(g.onFailure(0, MS, 2_000, true)).isEqualTo(2_000L);
        assertThat(g.paused(MS + 2_000 * MS - 1)).isTrue();
        assertThat(g.paused(MS + 2_000 * MS)).isFalse();
        // an older request's 429 asks for longer: honoured
        assertThat(g.onFailure(0, 2 * MS, 3_000, true)).isEqualTo(3_000L);
        long pause = 0;
        long now = 10_000 * MS;
        for (int i = 0; i < 8; i++)
        {
            pause = g.onFailure(now, now, -1, true);
            now += (pause + 1) * MS;
        }
        assertThat(pause).as("429 without Retry-After: exponential up to backoffMaxMs").isGreaterThan(1_000L);
    }

    @Test
    void aFailureOlderThanAnAnswerIsOldNews()
    {
        final KalshiRequestGate g = gate(config());
        g.onAnswer(2_000 * MS);
        assertThat(g.onFailure(1_000 * MS, 6_000 * MS, -1, false)).isEqualTo(KalshiRequestGate.SUPERSEDED);
        assertThat(g.onFailure(2_000 * MS, 6_000 * MS, -1, false)).as("same cycle as the answer")
            .isEqualTo(KalshiRequestGate.SUPERSEDED);
        assertThat(g.inEpisode()).isFalse();
        assertThat(pauses).isEmpty();
    }

    @Test
    void requestsInFlightAreBoundedByThePool()
    {
        final KalshiRequestGate g = gate(config());
        for (int i = 0; i < 4; i++)
        {
            assertThat(g.admit(i * MS)).isTrue();
        }
        assertThat(g.admit(5 * MS)).isFalse();
        assertThat(g.poolSkips()).isEqualTo(1);
        g.done();
        assertThat(g.admit(6 * MS)).isTrue();
    }
}
