package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.JournalCheck;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;
import arb.sim.VenueSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run that gathers nothing or breaks inside says so to a supervisor: a distinct exit code, one
 * line on stdout, and run.json's {@code ended}; never exit 0 with "complete".
 */
@Tag("slow")
@Timeout(120)
class LiveFailuresTest
{
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LiveRun.Request request(final String name, final String simulator)
    {
        final LiveRun.Request r = new LiveRun.Request();
        r.runDir(tmp.resolve(name));
        r.simulator(simulator);
        r.venues("kraken,bitstamp");
        r.installSignalHandlers(false);
        r.out(new PrintStream(out, true, StandardCharsets.UTF_8));
        r.env().set("live.statusIntervalMs", "300");
        r.env().set("live.maxAllDownMs", "2000");
        r.env().set("live.checkpointMs", "500");
        r.env().set("live.latencyProbe", "false");
        return r;
    }

    private static int closedPort() throws Exception
    {
        try (ServerSocket s = new ServerSocket(0))
        {
            return s.getLocalPort();
        }
    }

    private String stdout()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunThatNeverConnectsStopsWithExit4() throws Exception
    {
        final LiveRun.Request r = request("never", "127.0.0.1:" + closedPort());
        r.env().set("clock.rate", "1");
        r.duration(Duration.ofSeconds(60));
        final int code = new LiveRun(r).run();
        assertThat(code).isEqualTo(LiveRun.EXIT_NEVER_CONNECTED);
        assertThat(stdout()).contains("live: ended never_connected (exit 4)");
        final Map<String, Object> run = RunManifest.read(r.runDir());
        assertThat(run.get("status")).isEqualTo("failed");
        assertThat(run.get("ended")).isEqualTo("never_connected");
        assertThat(JournalCheck.require(RunDirectory.open(r.runDir()), RunDirectory.INPUT).ok()).isTrue();
    }

    @Test
    void aShortRunWithNoNetworkIsNotASuccess() throws Exception
    {
        final LiveRun.Request r = request("short", "127.0.0.1:" + closedPort());
        r.env().set("clock.rate", "1");
        r.env().set("live.maxAllDownMs", "600000");
        r.duration(Duration.ofSeconds(2));
        assertThat(new LiveRun(r).run()).isEqualTo(LiveRun.EXIT_NEVER_CONNECTED);
        assertThat(RunManifest.read(r.runDir()).get("ended")).isEqualTo("never_connected");
    }

    @Test
    void venuesThatGoAwayStopTheRunWithExit3AndAnEndlessDurationIsNoArithmeticError() throws Exception
    {
        final VenueSimulator sim = VenueSimulator.builder().seed(3)
            .clock(ReceiveClock.startingAt(java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond()
                * 1_000_000_000L, 30.0)).build().start();
        final LiveRun.Request r = request("down", "127.0.0.1:" + sim.port());
        r.duration(Duration.ofHours(9_999_999_999_999L));
        final CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                return new LiveRun(r).run();
            }
            catch (final InterruptedException e)
            {
                throw new IllegalStateException(e);
            }
        });
        // Let it connect and journal for a while (past a checkpoint), then take the venues away.
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !stdout().contains("LIVE"))
        {
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        final Map<String, Object> midRun = RunManifest.read(r.runDir());
        sim.close();
        final int code = run.get(60, TimeUnit.SECONDS);
        assertThat(code).as(stdout()).isEqualTo(LiveRun.EXIT_ALL_DOWN);
        assertThat(stdout()).contains("live: ended all_venues_down (exit 3)");
        final Map<String, Object> end = RunManifest.read(r.runDir());
        assertThat(end.get("ended")).isEqualTo("all_venues_down");
        // run.json recorded the journal while running (a prefix) and at the end (all of it)
        final JournalCheck.Expected checkpoint = RunManifest.expected(midRun, RunDirectory.INPUT);
        assertThat(checkpoint).isNotNull();
        assertThat(checkpoint.complete()).isFalse();
        assertThat(JournalCheck.check(r.runDir().resolve(RunDirectory.INPUT), checkpoint).ok()).isTrue();
        final JournalCheck.Result whole = JournalCheck.require(RunDirectory.open(r.runDir()), RunDirectory.INPUT);
        assertThat(whole.events()).isGreaterThan(checkpoint.events());
    }

    @Test
    void anExceptionOnTheIoThreadEndsTheRunNonZero() throws Exception
    {
        final VenueSimulator sim = VenueSimulator.builder().seed(4)
            .clock(ReceiveClock.startingAt(java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond()
                * 1_000_000_000L, 30.0)).build().start();
        try
        {
            final LiveRun.Request r = request("tick0", "127.0.0.1:" + sim.port());
            r.duration(Duration.ofSeconds(20));
            int code;
            try
            {
                // refused as it is given since live.tickMs has the range > 0 (exit 2, nothing created)
                r.env().set("live.tickMs", "0");
                code = new LiveRun(r).run();
            }
            catch (final IllegalArgumentException refusedAsBadInput)
            {
                code = 2;
            }
            assertThat(code).as(stdout()).isNotZero();
            if (Files.exists(r.runDir().resolve(RunDirectory.RUN_JSON)))
            {
                final Map<String, Object> run = RunManifest.read(r.runDir());
                assertThat(run.get("status")).isEqualTo("failed");
                assertThat((String)run.get("ended")).startsWith("failed: a task on arb-io");
                assertThat(stdout()).contains("live: ended failed: a task on arb-io").contains("(exit 1)");
            }
        }
        finally
        {
            sim.close();
        }
    }

    @Test
    void durationsTooLongToCountRunUntilStopped()
    {
        assertThat(LiveRun.durationNanos(Duration.ofHours(9_999_999_999_999L))).isEqualTo(Long.MAX_VALUE);
        assertThat(LiveRun.durationNanos(null)).isEqualTo(Long.MAX_VALUE);
        assertThat(LiveRun.durationNanos(Duration.ofSeconds(2))).isEqualTo(2_000_000_000L);
    }
}
