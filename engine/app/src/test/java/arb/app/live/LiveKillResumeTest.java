package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import arb.app.cli.Main;
import arb.engine.run.TestRuns;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import arb.journal.RunLock;
import arb.journal.RunStatus;
import arb.sim.VenueSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: {@code arb live} runs in a child JVM against the simulator, a second {@code live} on
 * its directory is refused, the child is killed with SIGKILL ({@code kill -9}) mid-run, the next
 * command that opens the directory finds run.json "running" with no process behind it and marks it
 * crashed, {@code live --resume} continues it, and a replay of the whole journal reproduces the
 * resumed run's output journal byte for byte.
 */
@Tag("slow")
@Timeout(300)
class LiveKillResumeTest
{
    @TempDir
    Path tmp;

    private VenueSimulator sim;
    private Process child;

    @BeforeEach
    void startSimulator() throws Exception
    {
        sim = LiveResumeTest.simulator();
    }

    @AfterEach
    void stop()
    {
        if (child != null)
        {
            child.destroyForcibly();
        }
        sim.close();
    }

    @Test
    void aRunKilledWithSigkillResumesAndReplaysToTheSameDigest() throws Exception
    {
        final Path run = tmp.resolve("live");
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + System.getProperty("arb.jvm.options"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("live", "--run-dir", run.toString(), "--endpoints", "sim=127.0.0.1:" + sim.port(),
            "--set", "live.statusIntervalMs=1000", "--set", "kalshi.feed.pollIntervalMs=250",
            "--set", "kalshi.feed.readLimitPerSecond=1000"));
        child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
            .start();

        // Wait until the child is well into its run (journaling market data and trading).
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long journaled = 0;
        while (journaled < 8_000)
        {
            assertThat(child.isAlive()).as("child alive: %s", log()).isTrue();
            assertThat(System.nanoTime() - deadline).as("child journals: %s", log()).isNegative();
            Thread.sleep(500);
            if (Files.isDirectory(run.resolve("input")) && Files.exists(run.resolve("run.json")))
            {
                journaled = JournalDigest.of(run.resolve("input")).events();
            }
        }

        // One writer per directory: a second live run on it is refused (exit 2), nothing written.
        assertThat(Main.run("live", "--run-dir", run.toString(), "--endpoints", "sim=127.0.0.1:" + sim.port()))
            .isEqualTo(2);
        assertThat(Main.run("live", "--resume", run.toString())).isEqualTo(2);
        assertThat(RunLock.holder(run)).isEqualTo(Long.toString(child.pid()));

        child.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.RUNNING);
        // The next command that opens the directory finds nobody behind "running".
        assertThat(Main.run("digest", run.toString())).isZero();
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.CRASHED);
        final long beforeResume = JournalDigest.of(run.resolve("input")).events();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new LiveRun(LiveResumeTest.request(run, sim, 4, out).resume(true)).run()).isZero();
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("it had crashed; resume #1")
            .contains("state rebuilt from " + String.format("%,d", beforeResume) + " events");
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.COMPLETE);
        final JournalDigest.Result input = JournalDigest.of(RunDirectory.open(run).input());
        assertThat(input.events()).isGreaterThan(beforeResume + 1_000);
        assertThat(TestRunsDump.dump(run, "--type", "RunResume")).contains("\"events_before\":" + beforeResume);

        final JournalDigest.Result liveOutput = JournalDigest.of(RunDirectory.open(run).output());
        TestRuns.replay(run, tmp.resolve("replay"));
        assertThat(TestRuns.outputDigest(tmp.resolve("replay"))).isEqualTo(liveOutput);
        assertThat(run.resolve("trades.jsonl")).hasSameTextualContentAs(tmp.resolve("replay/trades.jsonl"));
        assertThat(run.resolve("summary.json")).hasSameTextualContentAs(tmp.resolve("replay/summary.json"));
    }

    private String log() throws java.io.IOException
    {
        final Path log = tmp.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
