package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import arb.journal.JournalCheck;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json records what the journals hold (at checkpoints and at the end) and how the run ended. */
class RunJsonJournalsTest
{
    @TempDir
    Path tmp;

    private static void ticks(final Engine engine, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final MutableDirectBuffer b = engine.sink().claim();
            new ClockTickEncoder().wrapAndApplyHeader(b, 0, new MessageHeaderEncoder()).recvNs(i).scheduledNs(i);
            engine.sink().publish(8 + ClockTickEncoder.BLOCK_LENGTH);
        }
        engine.publisher().flush();
    }

    @Test
    void checkpointsRecordAPrefixAndTheEndRecordsTheWholeJournalAndWhyItEnded() throws Exception
    {
        final RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        final Engine engine = Engine.builder().runDirectory(dir).journalInput(true).mode("test").build().start();
        ticks(engine, 0, 500);
        while (engine.inputEventsJournaled() < 500)
        {
            Thread.sleep(5);
        }
        engine.checkpoint();
        Map<String, Object> run = RunManifest.read(dir.root());
        assertThat(run.get("status")).isEqualTo("running");
        final JournalCheck.Expected atCheckpoint = RunManifest.expected(run, RunDirectory.INPUT);
        assertThat(atCheckpoint.complete()).isFalse();
        assertThat(atCheckpoint.events()).isEqualTo(500);

        ticks(engine, 500, 800);
        // the disk-full stop of a live run: run.json must not say complete
        engine.endedAs("disk_full");
        engine.finish();
        run = RunManifest.read(dir.root());
        assertThat(run.get("status")).isEqualTo("failed");
        assertThat(run.get("ended")).isEqualTo("disk_full");
        final JournalCheck.Expected recorded = RunManifest.expected(run, RunDirectory.INPUT);
        assertThat(recorded.complete()).isTrue();
        assertThat(recorded.events()).isEqualTo(800);
        final JournalCheck.Result check = JournalCheck.require(dir, RunDirectory.INPUT);
        assertThat(check.sha256()).isEqualTo(recorded.sha256());
        assertThat(JournalCheck.check(dir.input(), atCheckpoint).ok()).as("the checkpoint is a prefix").isTrue();
        assertThat(JournalCheck.require(dir, RunDirectory.OUTPUT).events())
            .isEqualTo(RunManifest.expected(run, RunDirectory.OUTPUT).events());
    }

    @Test
    void aRunWithoutAReasonEndsComplete()
    {
        final RunDirectory dir = RunDirectory.create(tmp.resolve("ok"));
        final Engine engine = Engine.builder().runDirectory(dir).journalInput(true).mode("test").build().start();
        ticks(engine, 0, 10);
        engine.finish();
        final Map<String, Object> run = RunManifest.read(dir.root());
        assertThat(run.get("status")).isEqualTo("complete");
        assertThat(run.get("ended")).isEqualTo("complete");
    }
}
