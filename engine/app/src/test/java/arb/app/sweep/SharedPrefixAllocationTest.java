package arb.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import arb.engine.config.Params;
import arb.engine.run.Replay;
import arb.engine.run.TestRuns;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After warm-up, a shared-prefix group (one prefix, three points' desks, the prefix's outputs copied
 * into each point's output, results and digests listening) allocates nothing per event on the sweep
 * thread. Measured with com.sun.management.ThreadMXBean#getThreadAllocatedBytes on this thread.
 */
@Tag("slow")
@Timeout(300)
class SharedPrefixAllocationTest
{
    @TempDir
    Path tmp;

    @Test
    void aGroupAllocatesNothingPerEventAfterWarmUp()
    {
        final Path src = tmp.resolve("src");
        TestRuns.generate(src, 3, 40, 1.0);
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
        final Params base = Replay.journaledParams(RunDirectory.open(src), new ArrayList<>());
        final List<Sweep.PointRun> share = new ArrayList<>();
        final String[] edges = {"0.02", "0.03", "0.05"};
        for (int i = 0; i < edges.length; i++)
        {
            final Sweep.PointRun p = new Sweep.PointRun(i, Map.of("strategy.fairValue.minEdge", edges[i]));
            p.params.add(base.with(p.overrides));
            share.add(p);
        }
        final SharedPrefixSink sink = Sweep.groupSink(share, 0);
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final int warmUp = events.size() * 2 / 3;
        publish(sink, events, 0, warmUp);
        final long before = mx.getThreadAllocatedBytes(self);
        publish(sink, events, warmUp, events.size());
        final long allocated = mx.getThreadAllocatedBytes(self) - before;
        final long measured = events.size() - warmUp;
        System.out.println("allocated: " + allocated + " bytes over " + measured + " events x 3 points");
        // one byte per event would be well over 100 KB here; what may remain is JIT transitions
        assertThat(allocated).as("bytes allocated over %d events", measured).isLessThan(4096);
        sink.end();
        assertThat(share.get(0).digest.events()).isPositive();
    }

    private static void publish(final SharedPrefixSink sink, final List<byte[]> events, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final byte[] e = events.get(i);
            final MutableDirectBuffer slot = sink.claim();
            slot.putBytes(0, e);
            sink.publish(e.length);
        }
    }
}
