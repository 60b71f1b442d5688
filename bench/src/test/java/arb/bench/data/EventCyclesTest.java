package arb.bench.data;

import java.nio.file.Path;
import java.util.Arrays;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.sbe.RunStartDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session served in cycles is an endless plausible session: time never goes back, cycles are
 * whole 15-minute periods apart, the RunStart comes once - and the in-memory cursor and the
 * journal-reading source serve the same bytes.
 */
class EventCyclesTest
{
    @TempDir
    static Path tmp;
    static RunDirectory session;
    static EventLog log;

    @BeforeAll
    static void session()
    {
        session = TestSessions.use(tmp);
        log = EventLog.load(session);
    }

    @Test
    void cyclesAreWholePeriodsApartAndNeverGoBackInTime()
    {
        assertThat(log.cycleNs() % EventLog.PERIOD_NS).isZero();
        final EventCursor cursor = new EventCursor(log);
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        // The generator itself stamps a clock tick 50 us after its schedule, ahead of model events in
        // those 50 us, so time is compared cycle against cycle: every event of a cycle is later than
        // every event of the cycle before.
        final long[] min = new long[4];
        final long[] max = new long[4];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        java.util.Arrays.fill(max, Long.MIN_VALUE);
        int runStarts = 0;
        final int total = log.size() * 3 + 17;
        for (int i = 0; i < total; i++)
        {
            cursor.next(slot);
            final int c = (int)cursor.cycle();
            final long recvNs = Events.recvNs(slot, 0);
            min[c] = Math.min(min[c], recvNs);
            max[c] = Math.max(max[c], recvNs);
            if (Events.templateId(slot, 0) == RunStartDecoder.TEMPLATE_ID)
            {
                assertThat(c).as("RunStart parts only in the first cycle").isZero();
                runStarts++;
            }
        }
        for (int c = 1; c < 4; c++)
        {
            assertThat(min[c]).as("first event of cycle %d", c).isGreaterThan(max[c - 1]);
        }
        assertThat(min[1] - min[0]).isLessThanOrEqualTo(log.cycleNs());
        assertThat(runStarts).isPositive();
        assertThat(cursor.cycle()).isEqualTo(3);
        assertThat(cursor.served()).isEqualTo(total);
    }

    @Test
    void theLogHoldsTheJournalTrimmedToWholePeriods()
    {
        long journalEvents = 0;
        try (JournalReader reader = new JournalReader(session.input()))
        {
            final byte[] buf = new byte[Events.SLOT_CAPACITY];
            while (reader.next(buf) >= 0)
            {
                journalEvents++;
            }
        }
        assertThat(log.size()).isLessThanOrEqualTo((int)journalEvents).isGreaterThan((int)(journalEvents * 0.99));
    }

    @Test
    void journalSourceServesTheSameBytesAsTheMemoryCursor()
    {
        final EventCursor cursor = new EventCursor(log);
        final UnsafeBuffer a = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        try (JournalCycleSource source = new JournalCycleSource(session.input()))
        {
            assertThat(source.eventsPerCycle()).isEqualTo(log.size());
            assertThat(source.cycleNs()).isEqualTo(log.cycleNs());
            for (int i = 0; i < log.size() * 2 + 100; i++)
            {
                final int la = cursor.next(a);
                final int lb = source.next(b);
                assertThat(lb).as("length of event %d", i).isEqualTo(la);
                assertThat(Arrays.equals(a.byteArray(), 0, la, b.byteArray(), 0, lb)).as("bytes of event %d", i)
                    .isTrue();
            }
            assertThat(source.cycle()).isEqualTo(2);
        }
    }
}
