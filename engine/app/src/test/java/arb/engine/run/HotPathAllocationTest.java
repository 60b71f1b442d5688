package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After warm-up, events flowing through the ring allocate nothing per event on the consumer threads:
 * neither on the journaler (Chronicle append) nor on the business chain (books, index, outputs).
 * Measured with com.sun.management.ThreadMXBean#getThreadAllocatedBytes on each consumer thread.
 */
@Tag("slow")
@Timeout(300)
class HotPathAllocationTest
{
    @TempDir
    Path tmp;

    @Test
    void consumerThreadsAllocateNothingPerEventAfterWarmUp() throws Exception
    {
        final Path src = tmp.resolve("src");
        TestRuns.generate(src, 3, 60, 1.0);
        final List<byte[]> events = new ArrayList<>();
        try (JournalReader reader = new JournalReader(RunDirectory.open(src).input()))
        {
            final byte[] buf = new byte[Events.SLOT_CAPACITY];
            int len;
            while ((len = reader.next(buf)) >= 0)
            {
                events.add(java.util.Arrays.copyOf(buf, len));
            }
        }
        final Engine engine = Engine.builder().runDirectory(RunDirectory.create(tmp.resolve("run"))).journalInput(true)
            .mode("test").build().start();
        final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int warmUp = events.size() * 2 / 3;
        publish(engine, events, 0, warmUp);
        awaitDrained(engine);
        final List<Thread> threads = engine.consumerThreads();
        assertThat(threads).hasSize(2);
        final long[] before = new long[threads.size()];
        for (int i = 0; i < threads.size(); i++)
        {
            before[i] = mx.getThreadAllocatedBytes(threads.get(i).getId());
        }
        publish(engine, events, warmUp, events.size());
        awaitDrained(engine);
        final long measured = events.size() - warmUp;
        final long[] after = new long[threads.size()];
        for (int i = 0; i < threads.size(); i++)
        {
            after[i] = mx.getThreadAllocatedBytes(threads.get(i).getId()) - before[i];
            System.out.println("allocated: " + threads.get(i).getName() + " " + after[i] + " bytes over " + measured
                + " events");
        }
        for (int i = 0; i < threads.size(); i++)
        {
            // Not per event: measured with JFR allocation sampling, what remains is a few hundred bytes in
            // total, from Chronicle re-creating an index holder it keeps in a weakly referenced thread
            // local (SCQIndexing.newLogArrayValuesHolder) after a GC, and from JIT (de)optimisation
            // transitions. One allocated byte per event would be ~146 KB here.
            assertThat(after[i]).as("bytes allocated by %s over %d events", threads.get(i).getName(), measured)
                .isLessThan(4096);
        }
        engine.finish();
        assertThat(engine.businessChain().errors()).isZero();
    }

    private static void publish(final Engine engine, final List<byte[]> events, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final byte[] e = events.get(i);
            final MutableDirectBuffer slot = engine.sink().claim();
            slot.putBytes(0, e);
            engine.sink().publish(e.length);
        }
    }

    private static void awaitDrained(final Engine engine) throws InterruptedException
    {
        final long target = engine.ringCursor();
        final long deadline = System.currentTimeMillis() + 30_000;
        while (engine.chainSequence() < target)
        {
            assertThat(System.currentTimeMillis()).as("chain drained").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
