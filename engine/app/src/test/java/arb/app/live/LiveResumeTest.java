package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import arb.app.cli.Main;
import arb.engine.run.ResumePlan;
import arb.engine.run.TestRuns;
import arb.feeds.ReceiveClock;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import arb.journal.RunStatus;
import arb.sim.VenueSimulator;
import arb.sim.kalshi.KalshiSim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code live --resume} of a stopped run against the simulator (15-30 s; the default suite's resume
 * test without a network is {@code arb.engine.run.ResumeTest}): the resumed run goes on appending to the same input journal after a journaled RunResume
 * marker, its output journal equals a replay of the whole input journal byte for byte (the end-of-run
 * flush of the first part is replaced, not kept), results are rebuilt, and run.json tells it. The
 * crash case (a real {@code kill -9} of a child JVM) is {@link LiveKillResumeTest}.
 */
@Tag("slow")
@Timeout(180)
class LiveResumeTest
{
    @TempDir
    Path tmp;

    private VenueSimulator sim;

    @BeforeEach
    void startSimulator() throws Exception
    {
        sim = LiveResumeTest.simulator();
    }

    @AfterEach
    void stopSimulator()
    {
        sim.close();
    }

    /** The simulator at clock rate 30 (markets roll over within seconds), with Kalshi's REST API. */
    static VenueSimulator simulator() throws Exception
    {
        final ReceiveClock clock = ReceiveClock.startingAt(
            java.time.Instant.parse("2026-03-02T14:13:00Z").getEpochSecond() * 1_000_000_000L, 30.0);
        final KalshiSim kalshi = new KalshiSim(clock, new KalshiSim.Config());
        final VenueSimulator built = VenueSimulator.builder().seed(9).clock(clock).marketListener(kalshi).build();
        kalshi.register(built.routes());
        final VenueSimulator started = built.start();
        kalshi.attach(() -> started.model().truePrice());
        return started;
    }

    static LiveRun.Request request(final Path runDir, final VenueSimulator sim, final long seconds,
        final ByteArrayOutputStream out)
    {
        final LiveRun.Request r = new LiveRun.Request();
        r.runDir(runDir);
        r.simulator("127.0.0.1:" + sim.port());
        r.duration(Duration.ofSeconds(seconds));
        r.installSignalHandlers(false);
        r.env().set("live.statusIntervalMs", "1000");
        r.env().set("kalshi.feed.pollIntervalMs", "250");
        r.env().set("kalshi.feed.readLimitPerSecond", "1000");
        r.out(new PrintStream(out, true, StandardCharsets.UTF_8));
        return r;
    }

    @Test
    void aStoppedRunResumesAndAReplayOfItsWholeJournalReproducesItsOutput() throws Exception
    {
        final Path run = tmp.resolve("live");
        assertThat(new LiveRun(request(run, sim, 3, new ByteArrayOutputStream())).run()).isZero();
        final JournalDigest.Result firstInput = JournalDigest.of(RunDirectory.open(run).input());
        assertThat(firstInput.events()).isGreaterThan(200);
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.COMPLETE);
        final String startedAt = field(run, "started_at");
        final long runStartParts = TestRunsDump.dump(run, "--type", "RunStart").lines().count();

        // Logic parameters cannot change mid-run; --run-dir and --resume exclude each other. Nothing is touched.
        assertThat(Main.run("live", "--resume", run.toString(), "--set", "strategy.fairValue.minEdge=0.07"))
            .isEqualTo(2);
        assertThat(Main.run("live", "--resume", run.toString(), "--run-dir", run.toString())).isEqualTo(2);
        assertThat(Main.run("live", "--resume", tmp.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(JournalDigest.of(RunDirectory.open(run).input())).isEqualTo(firstInput);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun.Request resume = request(run, sim, 3, out).resume(true);
        assertThat(new LiveRun(resume).run()).isZero();
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("resuming " + run).contains("it had complete; resume #1")
            .contains("state rebuilt from " + String.format("%,d", firstInput.events()) + " events");

        final JournalDigest.Result input = JournalDigest.of(RunDirectory.open(run).input());
        assertThat(input.events()).isGreaterThan(firstInput.events() + 200);
        final String markers = TestRunsDump.dump(run, "--type", "RunResume");
        assertThat(markers.lines().count()).isEqualTo(1);
        assertThat(markers).contains("\"events_before\":" + firstInput.events()).contains("\"resume_count\":1");
        assertThat(TestRunsDump.dump(run, "--type", "RunStart").lines().count()).isEqualTo(runStartParts);
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.COMPLETE);
        assertThat(field(run, "started_at")).isEqualTo(startedAt);
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"resumes\": 1")
            .contains("\"input_events\": " + input.events());
        assertThat(run.resolve(ResumePlan.PREVIOUS_OUTPUT)).doesNotExist();

        // The key property: the whole resumed journal replays to the resumed run's output, byte for byte.
        final JournalDigest.Result liveOutput = JournalDigest.of(RunDirectory.open(run).output());
        TestRuns.replay(run, tmp.resolve("replay"));
        assertThat(TestRuns.outputDigest(tmp.resolve("replay"))).isEqualTo(liveOutput);
        assertThat(run.resolve("trades.jsonl")).hasSameTextualContentAs(tmp.resolve("replay/trades.jsonl"));
        assertThat(run.resolve("summary.json")).hasSameTextualContentAs(tmp.resolve("replay/summary.json"));
    }

    static String field(final Path run, final String key) throws Exception
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\": \"([^\"]*)\"")
            .matcher(Files.readString(run.resolve("run.json")));
        return m.find() ? m.group(1) : null;
    }
}
