package arb.bench.data;

import java.nio.file.Files;
import java.nio.file.Path;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.sbe.RunStartDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads an input journal into ring slots the way {@code ReplaySource} does (one Chronicle excerpt
 * per event, copied straight into the slot's array), but endlessly: at the end of the journal the
 * tailer rewinds and the next cycle is moved forward in event time ({@link EventTimeShift}), so a
 * replay of any length runs on a journal of one session. The RunStart is served once. Rewinding
 * the tailer (rather than reopening the queue) keeps cycling free of allocation and file mapping.
 */
public final class JournalCycleSource implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final int eventsPerCycle;
    private final int runStartParts;
    private final long cycleNs;
    private int inCycle;
    private long cycle;
    private long served;

    public JournalCycleSource(final Path inputJournal)
    {
        if (!Files.isDirectory(inputJournal))
        {
            throw new IllegalArgumentException("no journal at " + inputJournal);
        }
        // One pass to find the cycle: same trimming rule as EventLog.
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(buf);
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        int runStarts = 0;
        boolean leading = true;
        try (JournalReader reader = new JournalReader(inputJournal))
        {
            while (reader.next(buf) >= 0)
            {
                final long recvNs = Events.recvNs(view, 0);
                if (first == Long.MIN_VALUE)
                {
                    first = recvNs;
                }
                last = recvNs;
                if (leading && Events.templateId(view, 0) == RunStartDecoder.TEMPLATE_ID)
                {
                    runStarts++;
                }
                else
                {
                    leading = false;
                }
            }
        }
        if (first == Long.MIN_VALUE)
        {
            throw new IllegalArgumentException("journal " + inputJournal + " holds no events");
        }
        this.cycleNs = EventLog.cycleNs(last - first);
        int count = 0;
        try (JournalReader reader = new JournalReader(inputJournal))
        {
            while (reader.next(buf) >= 0 && Events.recvNs(view, 0) - first < cycleNs)
            {
                count++;
            }
        }
        this.eventsPerCycle = count;
        this.runStartParts = runStarts;
        this.queue = ChronicleQueue.singleBuilder(inputJournal).rollCycle(RollCycles.FAST_DAILY).readOnly(true).build();
        this.tailer = queue.createTailer();
    }

    /**
     * Copies the next event into the slot (which must be backed by an array at offset 0).
     *
     * @return the event's length
     */
    public int next(final MutableDirectBuffer slot)
    {
        if (inCycle == eventsPerCycle)
        {
            rewind();
        }
        final byte[] dst = slot.byteArray();
        final int length;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                throw new IllegalStateException("journal ended after " + inCycle + " of " + eventsPerCycle + " events");
            }
            final Bytes<?> in = dc.wire().bytes();
            length = (int)in.readRemaining();
            if (length > dst.length)
            {
                throw new IllegalStateException("journal excerpt of " + length + " bytes exceeds " + dst.length);
            }
            in.read(dst, 0, length);
        }
        inCycle++;
        served++;
        EventTimeShift.shift(slot, 0, cycle * cycleNs);
        return length;
    }

    @SuppressWarnings("try") // opening and closing each document is what skips it
    private void rewind()
    {
        tailer.toStart();
        cycle++;
        inCycle = 0;
        // Skip the RunStart part(s): a run has one set of parameters.
        for (int i = 0; i < runStartParts; i++)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                inCycle++;
            }
        }
    }

    public int eventsPerCycle()
    {
        return eventsPerCycle;
    }

    public long cycleNs()
    {
        return cycleNs;
    }

    public long cycle()
    {
        return cycle;
    }

    public long served()
    {
        return served;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
