package arb.app.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import arb.engine.run.Replay;
import arb.engine.run.TestRuns;
import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live latency probe records every input event by type, divides out a fast clock's rate,
 * writes its side files at the end of the run - and changes no output.
 */
class ReceiveToEvaluationProbeTest
{
    @TempDir
    static Path tmp;
    static Path session;

    @BeforeAll
    static void generate()
    {
        session = tmp.resolve("session");
        TestRuns.generate(session, 5, 3, 1.0);
    }

    @Test
    void recordsEveryInputEventByTypeAndWritesSideFilesOnly() throws Exception
    {
        final Path out = tmp.resolve("probed");
        // A clock 60x faster than real time that reads each event's recvNs + 60 us when the probe
        // asks: 1 us of real latency per event.
        final FakeClock clock = new FakeClock(60_000);
        final Replay.Request r = new Replay.Request();
        r.source(session).out(out);
        r.extraStage(o -> clock);
        r.extraStage(o -> new ReceiveToEvaluationProbe(clock, 60, out));
        final Replay.Result result = Replay.run(r);

        final Map<String, Long> expected = countsByType(RunDirectory.open(session).input());
        final String table = Files.readString(out.resolve(ReceiveToEvaluationProbe.TABLE_FILE));
        for (final Map.Entry<String, Long> e : expected.entrySet())
        {
            assertThat(table).as("line for %s", e.getKey()).containsPattern("(?m)^" + e.getKey() + "\\s+" + e.getValue()
                + "\\s+1\\.0\\s");
        }
        assertThat(table).containsPattern("(?m)^all\\s+" + result.events() + "\\s");

        final Map<String, Histogram> logged = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(out.resolve(ReceiveToEvaluationProbe.LOG_FILE).toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null)
        {
            logged.put(h.getTag(), (Histogram)h);
        }
        assertThat(logged.get("all").getTotalCount()).isEqualTo(result.events());
        assertThat(logged.get("Trade").getTotalCount()).isEqualTo(expected.get("Trade"));
        assertThat(logged.get("all").getValueAtPercentile(99)).isBetween(999L, 1001L);

        // Outputs unchanged: the probe writes side files, never the output journal.
        TestRuns.replay(session, tmp.resolve("plain"));
        assertThat(TestRuns.outputDigest(out)).isEqualTo(TestRuns.outputDigest(tmp.resolve("plain")));
    }

    @Test
    void clampsAndCountsImpossibleLatencies()
    {
        final LatencyByEventType l = new LatencyByEventType();
        l.record(1, -5);
        l.record(1, LatencyByEventType.HIGHEST_NS * 2);
        l.record(100, 10); // an output template: counted in "all" only
        assertThat(l.negative()).isEqualTo(1);
        assertThat(l.clamped()).isEqualTo(1);
        assertThat(l.of(1).getTotalCount()).isEqualTo(2);
        assertThat(l.all().getTotalCount()).isEqualTo(3);
        assertThat(l.of(100)).isNull();
    }

    private static Map<String, Long> countsByType(final Path journal)
    {
        final EventDumper names = new EventDumper();
        final Map<String, Long> counts = new HashMap<>();
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final org.agrona.concurrent.UnsafeBuffer view = new org.agrona.concurrent.UnsafeBuffer(buf);
        try (JournalReader reader = new JournalReader(journal))
        {
            while (reader.next(buf) >= 0)
            {
                counts.merge(names.messageName(Events.templateId(view, 0)), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * Reads "the current event's recvNs + offset": a deterministic stand-in for the receive clock,
     * told the current event by sitting in the chain just before the probe.
     */
    static final class FakeClock implements java.util.function.LongSupplier, arb.engine.chain.Stage
    {
        final long offsetNs;
        long lastRecvNs;

        FakeClock(final long offsetNs)
        {
            this.offsetNs = offsetNs;
        }

        @Override
        public long getAsLong()
        {
            return lastRecvNs + offsetNs;
        }

        @Override
        public String name()
        {
            return "fake-clock";
        }

        @Override
        public void onEvent(final arb.engine.chain.InputEvent event)
        {
            lastRecvNs = event.recvNs();
        }
    }
}
