package arb.feeds;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReceiveClockTest
{
    private static long epochNs(final String instant)
    {
        final Instant t = Instant.parse(instant);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void systemClockTracksWallTimeAndIsMonotonic()
    {
        final ReceiveClock clock = ReceiveClock.system();
        final Instant now = Instant.now();
        final long wall = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long previous = clock.nowNs();
        assertThat((double)previous).isCloseTo(wall, within(50e6));
        for (int i = 0; i < 10_000; i++)
        {
            final long t = clock.nowNs();
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
    }

    @Test
    void startsAtTheGivenInstantAndRunsAtTheGivenRate() throws InterruptedException
    {
        final long start = epochNs("2026-02-02T17:14:00Z");
        final ReceiveClock clock = ReceiveClock.startingAt(start, 60.0);
        final long t0 = clock.nowNs();
        assertThat(t0 - start).isBetween(0L, 60L * 50_000_000L);
        final long real0 = System.nanoTime();
        Thread.sleep(200);
        final long real = System.nanoTime() - real0;
        final long advanced = clock.nowNs() - t0;
        // 60x: 200 ms real reads as 12 s of clock; crossing a 15-minute boundary takes 15 s real.
        assertThat((double)advanced).isCloseTo(real * 60.0, within(60.0 * 20e6));
        assertThat(clock.realNanosFor(60_000_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(clock.clockNanosFor(1_000_000_000L)).isEqualTo(60_000_000_000L);
    }

    @Test
    void aSecondProcessJoinsTheSameClockFromItsDefinition()
    {
        final ReceiveClock engine = ReceiveClock.startingAt(epochNs("2026-02-02T17:14:00Z"), 30.0);
        final ReceiveClock simulator = ReceiveClock.anchored(engine.startEpochNs(), engine.anchorWallEpochNs(), engine.rate());
        final long a = engine.nowNs();
        final long b = simulator.nowNs();
        final long c = engine.nowNs();
        // Same definition: readings agree up to the wall clock's resolution times the rate.
        assertThat(b).isBetween(a - 30L * 5_000_000L, c + 30L * 5_000_000L);
        final ReceiveClock re = engine.reanchored();
        assertThat((double)re.nowNs()).isCloseTo(engine.nowNs(), within(30.0 * 5e6));
    }

    @Test
    void settingsDescribeAClock()
    {
        final ReceiveClock printed = ReceiveClock.startingAt(epochNs("2026-02-02T17:14:00Z"), 60.0);
        final ReceiveClock joined = ReceiveClock.fromSettings(java.util.Map.of(
            "clock.start", "2026-02-02T17:14:00Z",
            "clock.anchor", Long.toString(printed.anchorWallEpochNs()),
            "clock.rate", "60"));
        assertThat((double)joined.nowNs()).isCloseTo(printed.nowNs(), within(60.0 * 5e6));
        assertThat(ReceiveClock.fromSettings(java.util.Map.of("clock.start", Long.toString(epochNs("2026-02-02T17:14:00Z"))))
            .startEpochNs()).isEqualTo(epochNs("2026-02-02T17:14:00Z"));
        assertThat(ReceiveClock.fromSettings(java.util.Map.of()).rate()).isEqualTo(1.0);
    }

    @Test
    void offsetShiftsRealTime()
    {
        final ReceiveClock clock = ReceiveClock.offset(-3_600_000_000_000L, 1.0);
        final long wall = System.currentTimeMillis() * 1_000_000L;
        assertThat((double)clock.nowNs()).isCloseTo(wall - 3_600_000_000_000L, within(50e6));
    }
}
