package arb.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/** Reads a journal's events in order, copying each event's bytes into a caller-supplied array. */
public final class JournalReader implements JournalSource
{
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private long count;

    public JournalReader(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new IllegalArgumentException("no journal at " + dir);
        }
        this.queue = JournalWriter.openQueue(dir, true);
        this.tailer = queue.createTailer();
    }

    /**
     * Copies the next event into {@code dst} at offset 0.
     *
     * @return the event's length, or -1 at the end of the journal
     * @throws IllegalStateException if an excerpt is larger than {@code dst}
     */
    public int next(final byte[] dst)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return -1;
            }
            final Bytes<?> in = dc.wire().bytes();
            final int length = (int)in.readRemaining();
            if (length > dst.length)
            {
                throw new IllegalStateException("journal excerpt of " + length + " bytes exceeds " + dst.length);
            }
            in.read(dst, 0, length);
            count++;
            return length;
        }
    }

    public long count()
    {
        return count;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
