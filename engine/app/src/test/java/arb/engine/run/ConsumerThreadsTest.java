package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One consumer thread (journal, then chain, per event) writes the same input and output journals as
 * the journaler + chain pair, runs on one thread, and never lets the chain see an event before the
 * input journal holds it.
 */
class ConsumerThreadsTest
{
    @TempDir
    Path tmp;

    private Engine run(final Path src, final Path dir, final int threads, final Stage extra)
    {
        final Engine.Builder b = Engine.builder().runDirectory(RunDirectory.create(dir)).journalInput(true).mode("test")
            .consumerThreads(threads);
        if (extra != null)
        {
            b.extraStage(out -> extra);
        }
        final Engine engine = b.build();
        if (extra instanceof JournalOrder o)
        {
            o.engine = engine;
        }
        engine.start();
        new ReplaySource(RunDirectory.open(src).input(), arb.engine.config.Params.defaults().toText(), 0).run(engine.sink());
        engine.finish();
        assertThat(engine.fatalError()).isNull();
        return engine;
    }

    @Test
    void oneThreadWritesTheJournalsOfTwo()
    {
        final Path src = tmp.resolve("src");
        final long events = TestRuns.generate(src, 9, 2, 1.0);
        final JournalOrder order = new JournalOrder();
        final Engine one = run(src, tmp.resolve("one"), ConsumerThreads.ONE, order);
        final Engine two = run(src, tmp.resolve("two"), ConsumerThreads.TWO, null);
        assertThat(one.consumerThreads()).extracting(Thread::getName).containsExactly("arb-consumer");
        assertThat(two.consumerThreads()).extracting(Thread::getName).containsExactly("arb-journal", "arb-chain");
        final JournalDigest.Result in1 = JournalDigest.of(RunDirectory.open(tmp.resolve("one")).input());
        final JournalDigest.Result in2 = JournalDigest.of(RunDirectory.open(tmp.resolve("two")).input());
        assertThat(in1.events()).isGreaterThanOrEqualTo(events);
        assertThat(in1).isEqualTo(in2);
        final JournalDigest.Result out1 = JournalDigest.of(RunDirectory.open(tmp.resolve("one")).output());
        assertThat(out1.events()).isPositive();
        assertThat(out1).isEqualTo(JournalDigest.of(RunDirectory.open(tmp.resolve("two")).output()));
        // journal before logic: every event the chain saw had already been appended, on the same thread
        assertThat(order.seen).isPositive();
        assertThat(order.violations).isEmpty();
    }

    /** Checks, for every event the chain sees, that the engine's input journal already counts it. */
    private final class JournalOrder implements Stage
    {
        long seen;
        final List<String> violations = new ArrayList<>();
        Engine engine;

        @Override
        public String name()
        {
            return "journal-order";
        }

        @Override
        public void onEvent(final InputEvent event)
        {
            seen++;
            if (engine != null && engine.inputEventsJournaled() < seen && violations.size() < 5)
            {
                violations.add("event " + seen + " seen with " + engine.inputEventsJournaled() + " journaled");
            }
        }
    }
}
