package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.Stage;
import arb.app.cli.Main;
import arb.journal.Events;
import arb.journal.JournalDigest;
import arb.sbe.ClockTickDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's central property: the same input journal always gives the same output journal,
 * byte for byte - across runs, and across the interpreter and the JIT - and the check really
 * catches a stage that is not deterministic.
 */
@Tag("slow")
@Timeout(300)
class DeterminismTest
{
    @TempDir
    static Path tmp;
    static Path big;
    static long bigEvents;

    @BeforeAll
    static void generate()
    {
        big = tmp.resolve("big");
        bigEvents = TestRuns.generate(big, 7, 150, 1.0);
    }

    @Test
    void replayingAMillionEventsTwiceGivesIdenticalOutputDigestsAndDumps()
    {
        assertThat(bigEvents).isGreaterThanOrEqualTo(1_000_000);
        final Replay.Result r1 = TestRuns.replay(big, tmp.resolve("r1"));
        final Replay.Result r2 = TestRuns.replay(big, tmp.resolve("r2"));
        assertThat(r1.events()).isEqualTo(bigEvents);
        final JournalDigest.Result d1 = TestRuns.outputDigest(tmp.resolve("r1"));
        final JournalDigest.Result d2 = TestRuns.outputDigest(tmp.resolve("r2"));
        assertThat(d1.events()).isGreaterThan(100);
        assertThat(d1).isEqualTo(d2);
        assertThat(dump(tmp.resolve("r1"))).isEqualTo(dump(tmp.resolve("r2")));
    }

    @Test
    void aWallClockReadingStageIsCaughtByTheDigestCheck()
    {
        final Replay.Result r1 = TestRuns.replay(big, tmp.resolve("nd1"), p -> p, WallClockStage::new);
        final Replay.Result r2 = TestRuns.replay(big, tmp.resolve("nd2"), p -> p, WallClockStage::new);
        assertThat(r1.engine().output().count()).isEqualTo(r2.engine().output().count());
        assertThat(TestRuns.outputDigest(tmp.resolve("nd1")).sha256())
            .isNotEqualTo(TestRuns.outputDigest(tmp.resolve("nd2")).sha256());
    }

    @Test
    void interpreterAndJitGiveTheSameDigest() throws Exception
    {
        final Path small = tmp.resolve("small");
        final long events = TestRuns.generate(small, 11, 14, 1.0);
        assertThat(events).isGreaterThanOrEqualTo(100_000);
        TestRuns.replay(small, tmp.resolve("jit"));
        final String jit = TestRuns.outputDigest(tmp.resolve("jit")).sha256();

        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xint");
        cmd.add("@" + System.getProperty("arb.jvm.options"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("replay");
        cmd.add(small.toString());
        cmd.add("--out");
        cmd.add(tmp.resolve("xint").toString());
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(tmp.resolve("xint.log").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("-Xint replay finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("xint.log"))).isZero();
        assertThat(TestRuns.outputDigest(tmp.resolve("xint")).sha256()).isEqualTo(jit);
    }

    private static String dump(final Path run)
    {
        final PrintStream old = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            assertThat(Main.run("dump", run.toString(), "--output")).isZero();
        }
        finally
        {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Deliberately wrong: puts the wall clock into an output. */
    static final class WallClockStage implements Stage
    {
        private final OutputJournal out;
        private final IndexValueEncoder encoder = new IndexValueEncoder();

        WallClockStage(final OutputJournal out)
        {
            this.out = out;
        }

        @Override
        public String name()
        {
            return "wall-clock";
        }

        @Override
        public void onEvent(final InputEvent event)
        {
            if (event.templateId() == ClockTickDecoder.TEMPLATE_ID)
            {
                encoder.wrapAndApplyHeader(out.buffer(), 0, out.header()).recvNs(event.recvNs())
                    .secondNs(System.nanoTime()).method(IndexMethod.WEIGHTED_LAST).status(IndexStatus.OK).value(1)
                    .venuesUsed((short)0).venuesExcluded((short)0).utilizedDepth(0);
                out.append(Events.HEADER_LENGTH + encoder.encodedLength());
            }
        }
    }
}
