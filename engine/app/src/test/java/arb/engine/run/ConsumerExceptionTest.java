package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that throws never stops the engine: the event is logged with its sequence and processing goes on. */
class ConsumerExceptionTest
{
    @TempDir
    Path tmp;

    @Test
    void journalAndChainSurviveAThrowingStage()
    {
        final Path src = tmp.resolve("src");
        final long events = TestRuns.generate(src, 5, 5, 1.0);
        final ThrowingStage[] thrower = new ThrowingStage[1];
        final Replay.Result clean = TestRuns.replay(src, tmp.resolve("clean"));
        final Replay.Result faulty = TestRuns.replay(src, tmp.resolve("faulty"), p -> p, out ->
        {
            thrower[0] = new ThrowingStage(1000);
            return thrower[0];
        });
        assertThat(faulty.events()).isEqualTo(events);
        assertThat(faulty.engine().businessChain().errors()).isEqualTo(1);
        assertThat(thrower[0].recovered).isEqualTo(1);
        assertThat(thrower[0].seenAfterFailure).isGreaterThan(events / 2);
        assertThat(faulty.engine().fatalError()).isNull();
        // Every other stage ran on every event: the outputs are those of the clean run.
        assertThat(JournalDigest.of(RunDirectory.open(tmp.resolve("faulty")).output()))
            .isEqualTo(JournalDigest.of(RunDirectory.open(tmp.resolve("clean")).output()));
        assertThat(clean.engine().businessChain().errors()).isZero();
    }

    @Test
    void liveJournalKeepsEveryEventWhenAStageThrows()
    {
        final Path src = tmp.resolve("src2");
        final long events = TestRuns.generate(src, 6, 3, 1.0);
        final Engine engine = Engine.builder().runDirectory(RunDirectory.create(tmp.resolve("live")))
            .journalInput(true).mode("test").extraStage(out -> new ThrowingStage(10)).build().start();
        new ReplaySource(RunDirectory.open(src).input(), arb.engine.config.Params.defaults().toText(), 0)
            .run(engine.sink());
        engine.finish();
        assertThat(engine.businessChain().errors()).isEqualTo(1);
        assertThat(JournalDigest.of(RunDirectory.open(tmp.resolve("live")).input()).events()).isEqualTo(events);
    }

    static final class ThrowingStage implements Stage
    {
        private final long failAt;
        private long seen;
        long seenAfterFailure;
        int recovered;

        ThrowingStage(final long failAt)
        {
            this.failAt = failAt;
        }

        @Override
        public String name()
        {
            return "throwing";
        }

        @Override
        public void onEvent(final InputEvent event)
        {
            if (++seen == failAt)
            {
                throw new IllegalStateException("deliberate failure on event " + seen);
            }
            if (recovered > 0)
            {
                seenAfterFailure++;
            }
        }

        @Override
        public void onException(final InputEvent event, final Throwable error)
        {
            recovered++;
        }
    }
}
