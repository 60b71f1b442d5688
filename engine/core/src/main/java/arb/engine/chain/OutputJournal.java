package arb.engine.chain;

import java.util.ArrayList;
import java.util.List;

import arb.journal.Events;
import arb.journal.JournalWriter;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where stages put output events (index values, signals, orders, fills, settlements, marks). A
 * stage encodes into {@link #buffer()} at offset 0 using {@link #header()}, then calls
 * {@link #append(int)}. Output events never re-enter the input ring. Single-threaded (chain thread).
 */
public final class OutputJournal implements AutoCloseable
{
    private final JournalWriter writer;
    private final byte[] bytes = new byte[Events.SLOT_CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final long[] countsByTemplate = new long[256];
    private final List<OutputListener> listeners = new ArrayList<>();
    private OutputListener[] listenerArray = new OutputListener[0];
    private long count;
    private long bytesWritten;

    /** @param writer the output journal, or null to discard (listeners still see every event) */
    public OutputJournal(final JournalWriter writer)
    {
        this.writer = writer;
    }

    public void addListener(final OutputListener listener)
    {
        listeners.add(listener);
        listenerArray = listeners.toArray(new OutputListener[0]);
    }

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public MessageHeaderEncoder header()
    {
        return header;
    }

    /** Journals the event encoded in {@link #buffer()} ({@code length} bytes incl. header). */
    public void append(final int length)
    {
        if (writer != null)
        {
            writer.append(bytes, 0, length);
        }
        count++;
        bytesWritten += length;
        countsByTemplate[Events.templateId(buffer, 0) & 0xFF]++;
        for (final OutputListener l : listenerArray)
        {
            l.onOutput(buffer, length);
        }
    }

    public long count()
    {
        return count;
    }

    /**
     * Payload bytes of the events appended so far. A plain field of the chain thread: other threads
     * (metrics, the disk write rate) read it racily and may see a slightly older value.
     */
    public long bytesWritten()
    {
        return bytesWritten;
    }

    public long count(final int templateId)
    {
        return countsByTemplate[templateId & 0xFF];
    }

    void end()
    {
        for (final OutputListener l : listenerArray)
        {
            l.onEnd();
        }
    }

    @Override
    public void close()
    {
        if (writer != null)
        {
            writer.close();
        }
    }
}
