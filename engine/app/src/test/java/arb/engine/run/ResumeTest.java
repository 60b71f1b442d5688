package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.journal.Events;
import arb.journal.JournalCheck;
import arb.journal.JournalDigest;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.RunStatus;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.OrderEndReason;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume mechanism without a network (the default suite's resume test, a few seconds): a run's
 * first part is journaled through the engine as a live run would, it stops (or is abandoned, as by a
 * crash), and the resume rebuilds the state from the journal, journals the marker (which cancels the
 * order in flight at the cut: RUN_GAP), goes on appending, and the whole input journal replays to
 * the resumed run's output journal byte for byte. The cut is placed right after an order, so an order
 * is in flight at the gap.
 */
class ResumeTest
{
    @TempDir
    static Path shared;

    private static Path session;
    private static long cut;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate()
    {
        session = shared.resolve("session");
        TestRuns.generate(session, 21, 8, 0.4);
        // The input event that produced the first order: cut the run right after it.
        final long[] orderNs = {Long.MIN_VALUE};
        final Replay.Request r = new Replay.Request().source(session).listener((buffer, length) ->
        {
            if (orderNs[0] == Long.MIN_VALUE && Events.templateId(buffer, 0) == arb.sbe.OrderDecoder.TEMPLATE_ID)
            {
                orderNs[0] = Events.recvNs(buffer, 0);
            }
        });
        Replay.run(r);
        assertThat(orderNs[0]).as("the session trades").isNotEqualTo(Long.MIN_VALUE);
        final List<Long> recv = recvTimes(session);
        cut = recv.stream().filter(ns -> ns <= orderNs[0]).count();
    }

    @Test
    void aStoppedRunResumesAndReplaysToItsOwnOutput() throws Exception
    {
        resumeAndCheck(false, false);
    }

    @Test
    void aCrashedRunResumesAndItsOldOutputIsAPrefixOfTheRebuiltOne() throws Exception
    {
        resumeAndCheck(true, false);
    }

    @Test
    void aTornLastEntryIsCutOffAndReported() throws Exception
    {
        resumeAndCheck(true, true);
    }

    private void resumeAndCheck(final boolean crash, final boolean tear) throws Exception
    {
        final Path run = tmp.resolve("run");
        final List<Long> recv = recvTimes(session);
        // Part one: the session's first `cut` events through a journaling engine, as a live run.
        final RunDirectory first = RunDirectory.create(run);
        final Engine one = Engine.builder().runDirectory(first).journalInput(true).mode("live")
            .params(Replay.journaledParams(RunDirectory.open(session), new ArrayList<>())).build().start();
        publish(session, one.sink(), 0, cut);
        if (crash)
        {
            // A crash: the engine never finishes (no flush, run.json stays "running"); the OS frees the lock.
            one.publisher().flush();
            while (one.chainSequence() < one.ringCursor())
            {
                Thread.onSpinWait();
            }
            first.release();
        }
        else
        {
            one.finish();
        }
        final long firstOutputs = JournalDigest.of(first.output()).events();
        if (tear)
        {
            // The writer died while appending its last entry: Chronicle's header still says "not complete".
            tearLastEntry(first.input());
        }
        final long kept = tear ? cut - 1 : cut;

        // The resume, skipping a minute of the session (the gap).
        final RunDirectory dir = RunDirectory.openForWriting(run);
        final ResumePlan plan = ResumePlan.read(dir, new ArrayList<>());
        assertThat(plan.events()).isEqualTo(kept);
        assertThat(plan.torn()).isEqualTo(tear ? plan.torn() : null);
        if (tear)
        {
            assertThat(plan.torn()).contains("torn last entry").contains("cut off").contains("after " + kept + " events");
        }
        assertThat(plan.priorStatus()).isEqualTo(crash ? RunStatus.CRASHED : RunStatus.COMPLETE);
        final long resumeNs = recv.get((int)kept - 1) + 60_000_000_000L;
        final long next = recv.stream().filter(ns -> ns < resumeNs).count();
        final Path previous = plan.moveOutputAside();
        final OutputPrefixCheck check = new OutputPrefixCheck(previous);
        final Engine two = Engine.builder().runDirectory(dir).journalInput(true).mode("live").params(plan.params())
            .alreadyJournaled(plan.events()).extraStage(out -> check).outputListener(check).build().start();
        final ResumeCatchUp.Report report = ResumeCatchUp.run(two, dir, plan, check, previous, resumeNs,
            List.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.KALSHI));
        if (!tear)
        {
            assertThat(report.keptPrevious()).isNull();
            assertThat(previous).doesNotExist();
        }
        if (tear)
        {
            // (the fabricated tear hit an entry the chain had processed: no prefix claim to make)
            assertThat(report.events()).isEqualTo(kept);
        }
        else if (crash)
        {
            // Up to the crash, the rebuilt output journal is the old one, event for event.
            assertThat(report.matching()).isEqualTo(firstOutputs).isEqualTo(report.previousEvents()).isPositive();
        }
        else
        {
            // The stop's end-of-input flush (the order in flight cancelled) is replaced by the resume's.
            assertThat(report.matching()).isLessThan(firstOutputs).isPositive();
        }
        publish(session, two.sink(), next, Long.MAX_VALUE);
        two.finish();
        assertThat(RunStatus.read(run)).isEqualTo(RunStatus.COMPLETE);

        final JournalDigest.Result input = JournalDigest.of(dir.input());
        assertThat(input.events()).isEqualTo(kept + 6 + recv.size() - next);
        final JournalDigest.Result output = JournalDigest.of(dir.output());
        assertThat(endReasons(run)).contains(OrderEndReason.RUN_GAP).doesNotContain(OrderEndReason.END_OF_INPUT);

        TestRuns.replay(run, tmp.resolve("replay"));
        assertThat(TestRuns.outputDigest(tmp.resolve("replay"))).isEqualTo(output);
        assertThat(run.resolve("trades.jsonl")).hasSameTextualContentAs(tmp.resolve("replay/trades.jsonl"));
        assertThat(run.resolve("summary.json")).hasSameTextualContentAs(tmp.resolve("replay/summary.json"));
        assertThat(Files.exists(run.resolve(ResumePlan.PREVIOUS_OUTPUT))).isFalse();
        assertThat(JournalCheck.check(dir.input(), null).ok()).isTrue();
    }

    /** Sets the NOT_COMPLETE bit of the journal's last data entry, as a writer killed mid-append leaves it. */
    private static void tearLastEntry(final Path journal) throws Exception
    {
        final Path f;
        try (java.util.stream.Stream<Path> s = Files.list(journal))
        {
            f = s.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(f)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        int lastData = -1;
        while (pos + 4 <= b.limit())
        {
            final int h = b.getInt(pos);
            if (h == 0)
            {
                break;
            }
            if ((h & 0x40000000) == 0)
            {
                lastData = pos;
            }
            pos = (pos + 4 + (h & 0x3FFFFFFF) + 3) & ~3;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw"))
        {
            raf.seek(lastData + 3);
            final int high = raf.read();
            raf.seek(lastData + 3);
            raf.write(high | 0x80);
        }
    }

    /** Publishes the session's events [from, to) unchanged. */
    private static void publish(final Path source, final arb.journal.EventSink sink, final long from, final long to)
    {
        final byte[] scratch = new byte[Events.SLOT_CAPACITY];
        try (JournalReader reader = new JournalReader(RunDirectory.open(source).input()))
        {
            for (long i = 0; i < to; i++)
            {
                if (i < from)
                {
                    if (reader.next(scratch) < 0)
                    {
                        return;
                    }
                    continue;
                }
                final MutableDirectBuffer slot = sink.claim();
                final int length = reader.next(slot.byteArray());
                if (length < 0)
                {
                    new arb.sbe.NoOpEncoder().wrapAndApplyHeader(slot, 0, new arb.sbe.MessageHeaderEncoder()).recvNs(0);
                    sink.publish(Events.HEADER_LENGTH + arb.sbe.NoOpEncoder.BLOCK_LENGTH);
                    return;
                }
                sink.publish(length);
            }
        }
    }

    private static List<Long> recvTimes(final Path run)
    {
        final List<Long> out = new ArrayList<>();
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(bytes);
        try (JournalReader reader = new JournalReader(RunDirectory.open(run).input()))
        {
            while (reader.next(bytes) >= 0)
            {
                out.add(Events.recvNs(view, 0));
            }
        }
        return out;
    }

    private static List<OrderEndReason> endReasons(final Path run)
    {
        final List<OrderEndReason> out = new ArrayList<>();
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(bytes);
        final OrderDoneDecoder d = new OrderDoneDecoder();
        try (JournalReader reader = new JournalReader(RunDirectory.open(run).output()))
        {
            while (reader.next(bytes) >= 0)
            {
                if (Events.templateId(view, 0) == OrderDoneDecoder.TEMPLATE_ID)
                {
                    d.wrapAndApplyHeader(view, 0, new arb.sbe.MessageHeaderDecoder());
                    out.add(d.endReason());
                }
            }
        }
        return out;
    }
}
