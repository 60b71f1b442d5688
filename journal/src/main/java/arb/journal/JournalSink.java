package arb.journal;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** An {@link EventSink} that appends every published event straight to a journal (generator, tools). */
public final class JournalSink implements EventSink
{
    private final JournalWriter writer;
    private final byte[] bytes = new byte[Events.SLOT_CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private long firstRecvNs = Long.MIN_VALUE;
    private long lastRecvNs = Long.MIN_VALUE;

    public JournalSink(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return buffer;
    }

    @Override
    public void publish(final int length)
    {
        final long recvNs = Events.recvNs(buffer, 0);
        if (firstRecvNs == Long.MIN_VALUE)
        {
            firstRecvNs = recvNs;
        }
        lastRecvNs = recvNs;
        writer.append(bytes, 0, length);
    }

    public long count()
    {
        return writer.count();
    }

    public long firstRecvNs()
    {
        return firstRecvNs;
    }

    public long lastRecvNs()
    {
        return lastRecvNs;
    }
}
