package arb.journal;

import java.io.File;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * Appends encoded events to a Chronicle Queue, one excerpt per event, bytes unchanged. Not thread
 * safe: one writer thread per journal.
 */
public final class JournalWriter implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final byte[] copy = new byte[Events.SLOT_CAPACITY];
    private long count;
    private long bytes;

    public JournalWriter(final Path dir)
    {
        this.queue = openQueue(dir, false);
        this.appender = queue.createAppender();
        RunDirectory.ownerOnlyFiles(dir);
    }

    static ChronicleQueue openQueue(final Path dir, final boolean readOnly)
    {
        final SingleChronicleQueueBuilder b = ChronicleQueue.singleBuilder(dir)
            .rollCycle(RollCycles.FAST_DAILY)
            .readOnly(readOnly);
        if (!readOnly)
        {
            // Journals are private to their owner (600), each cycle file as Chronicle creates it.
            b.storeFileListener(new StoreFileListener()
            {
                @Override
                public void onAcquired(final int cycle, final File file)
                {
                    RunDirectory.ownerOnly(file.toPath(), false);
                }

                @Override
                public void onReleased(final int cycle, final File file)
                {
                    // nothing to do
                }
            });
        }
        return b.build();
    }

    /** Appends {@code length} bytes of {@code src} starting at {@code offset}. */
    public void append(final byte[] src, final int offset, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> out = dc.wire().bytes();
            out.write(src, offset, length);
        }
        count++;
        bytes += length;
    }

    /** Appends from any Agrona buffer (copied through a reusable array when not array-backed). */
    public void append(final DirectBuffer src, final int offset, final int length)
    {
        final byte[] array = src.byteArray();
        if (array != null)
        {
            append(array, src.wrapAdjustment() + offset, length);
        }
        else
        {
            src.getBytes(offset, copy, 0, length);
            append(copy, 0, length);
        }
    }

    public long count()
    {
        return count;
    }

    public long bytes()
    {
        return bytes;
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
