package arb.bench.data;

import java.nio.file.Path;
import java.util.Arrays;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A session's input events held in memory, back to back in one array, so a benchmark can publish
 * the generator's event mix at any rate without touching the disk. Events are served in cycles:
 * cycle {@code k} is the session moved forward by {@code k} times {@link #cycleNs()} (see
 * {@link EventTimeShift}); the session is trimmed to events inside one whole number of 15-minute
 * periods so cycles join without time going backwards.
 */
public final class EventLog
{
    /** Kalshi's market grid: cycles are a whole number of these apart. */
    public static final long PERIOD_NS = 15 * 60 * 1_000_000_000L;

    private final byte[] data;
    private final UnsafeBuffer view;
    private final int[] offsets;
    private final int[] lengths;
    private final int size;
    private final long cycleNs;

    private EventLog(final byte[] data, final int[] offsets, final int[] lengths, final int size, final long cycleNs)
    {
        this.data = data;
        this.view = new UnsafeBuffer(data);
        this.offsets = offsets;
        this.lengths = lengths;
        this.size = size;
        this.cycleNs = cycleNs;
    }

    /** Loads a run directory's input journal. */
    public static EventLog load(final RunDirectory run)
    {
        return load(run.input());
    }

    /** Loads an input journal. */
    public static EventLog load(final Path inputJournal)
    {
        byte[] data = new byte[1 << 20];
        int[] offsets = new int[1 << 14];
        int[] lengths = new int[1 << 14];
        long[] recvNs = new long[1 << 14];
        int n = 0;
        int used = 0;
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer bufView = new UnsafeBuffer(buf);
        try (JournalReader reader = new JournalReader(inputJournal))
        {
            int length;
            while ((length = reader.next(buf)) >= 0)
            {
                if (n == offsets.length)
                {
                    offsets = Arrays.copyOf(offsets, n * 2);
                    lengths = Arrays.copyOf(lengths, n * 2);
                    recvNs = Arrays.copyOf(recvNs, n * 2);
                }
                if (used + length > data.length)
                {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, used + length));
                }
                System.arraycopy(buf, 0, data, used, length);
                offsets[n] = used;
                lengths[n] = length;
                recvNs[n] = Events.recvNs(bufView, 0);
                used += length;
                n++;
            }
        }
        if (n == 0)
        {
            throw new IllegalArgumentException("journal " + inputJournal + " holds no events");
        }
        final long cycleNs = cycleNs(recvNs[n - 1] - recvNs[0]);
        int size = n;
        while (size > 1 && recvNs[size - 1] - recvNs[0] >= cycleNs)
        {
            size--; // e.g. the clock tick scheduled exactly at the session's end: it belongs to the next cycle
        }
        return new EventLog(Arrays.copyOf(data, used), offsets, lengths, size, cycleNs);
    }

    /** The whole number of 15-minute periods nearest to a session's duration (at least one). */
    public static long cycleNs(final long durationNs)
    {
        return Math.max(1, Math.round((double)durationNs / PERIOD_NS)) * PERIOD_NS;
    }

    /** Events per cycle. */
    public int size()
    {
        return size;
    }

    /** How far each cycle is moved forward in event time. */
    public long cycleNs()
    {
        return cycleNs;
    }

    public int length(final int index)
    {
        return lengths[index];
    }

    public int templateId(final int index)
    {
        return Events.templateId(view, offsets[index]);
    }

    /** The event's bytes, unshifted (read-only view of the whole log plus {@link #offset}). */
    public UnsafeBuffer buffer()
    {
        return view;
    }

    public int offset(final int index)
    {
        return offsets[index];
    }

    /**
     * Copies event {@code index} of cycle {@code cycle} into {@code dst} at offset 0, its
     * timestamps moved forward by {@code cycle} cycles.
     *
     * @return the event's length
     */
    public int copyTo(final int index, final long cycle, final MutableDirectBuffer dst)
    {
        final int length = lengths[index];
        dst.putBytes(0, data, offsets[index], length);
        EventTimeShift.shift(dst, 0, cycle * cycleNs);
        return length;
    }

    /** Bytes held (payload only). */
    public long bytes()
    {
        return data.length;
    }
}
