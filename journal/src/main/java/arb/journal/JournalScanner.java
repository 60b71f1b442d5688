package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a journal's events straight from its Chronicle Queue cycle files with plain positioned file
 * reads, checking the framing of every entry and the SBE header of every event. It never maps
 * memory, so a damaged, truncated or foreign file becomes a {@link Problem} saying what is wrong and
 * where, never a JVM crash (Chronicle maps files and faults on bytes that are not there).
 *
 * <p>A cycle file ({@code yyyyMMddF.cq4}, one per day) starts with Chronicle's {@code SCQStore}
 * header; then come entries, each a 4-byte little-endian header (bit 31: not complete, bit 30:
 * metadata, bits 0-29: length) followed by its bytes, at 4-byte aligned positions; a zero header
 * ends the data written so far, {@code 0xC0000000} marks the end of a cycle that rolled over.
 * Metadata entries (Chronicle's index) are skipped; every data entry is one event.
 *
 * <p>Incremental: after {@link #next} returned -1 with no problem, a later call returns events
 * appended since (a live run's periodic tally reads its own journal this way).
 */
public final class JournalScanner implements JournalSource
{
    /** What kind of thing is wrong with a journal. */
    public enum Kind
    {
        /** The journal directory or its cycle file is not there. */
        MISSING,
        /** A file that is not a Chronicle journal (no queue header). */
        NOT_A_JOURNAL,
        /** A {@code .cq4} file that is not a cycle file of this journal. */
        STRAY_FILE,
        /** The journal ends before its end (file cut, or fewer events than recorded). */
        TRUNCATED,
        /** Bytes that cannot be what the writer wrote. */
        DAMAGED,
        /** The last entry was never completed (the writer died while appending it). */
        TORN,
        /** More events than run.json records. */
        MISMATCH
    }

    /** A problem and its description (one line, names file, byte offset and event number where known). */
    public record Problem(Kind kind, String message)
    {
        @Override
        public String toString()
        {
            return message;
        }
    }

    /** Cycle file names of the journal's roll cycle ({@code RollCycles.FAST_DAILY}). */
    static final Pattern CYCLE_FILE = Pattern.compile("\\d{8}F\\.cq4");
    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    private static final int END_OF_DATA = NOT_COMPLETE | META_DATA;
    private static final byte[] STORE_TAG = "SCQStore".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final ByteBuffer window = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long windowStart;
    private int windowLength;
    private Path file;
    private FileChannel channel;
    private long position;
    private long fileSize;
    private long events;
    private Problem problem;
    private long incompleteAt = -1;
    private boolean listed;

    public JournalScanner(final Path dir)
    {
        this.dir = dir;
    }

    /** The journal directory. */
    public Path dir()
    {
        return dir;
    }

    /**
     * Copies the next event into {@code dst} at offset 0.
     *
     * @return the event's length, or -1 at the end of the data written so far or at a problem
     */
    public int next(final byte[] dst)
    {
        incompleteAt = -1;
        if (problem != null)
        {
            return -1;
        }
        try
        {
            return advance(dst);
        }
        catch (final IOException e)
        {
            problem = new Problem(Kind.DAMAGED, "cannot read " + (file == null ? dir : file) + ": " + e.getMessage());
            return -1;
        }
    }

    private int advance(final byte[] dst) throws IOException
    {
        while (true)
        {
            if (channel == null && !openNext())
            {
                return -1;
            }
            long size = fileSize;
            if (position + 4 > size || position + 4 + Events.SLOT_CAPACITY > size)
            {
                // the cached size is refreshed only near its end: one system call per event costs more than the read
                size = fileSize = channel.size();
            }
            if (position + 4 > size)
            {
                problem = new Problem(Kind.TRUNCATED, name() + " ends at byte " + size
                    + " without Chronicle's end-of-data mark: truncated after " + events + " events");
                return -1;
            }
            final int header = readInt(position);
            if (header == 0 || (header & NOT_COMPLETE) != 0)
            {
                // a live journal grows: look at the file's size again before deciding
                size = fileSize = channel.size();
            }
            if (header == 0)
            {
                // The end of what was written so far; a later cycle file means the writer moved on.
                windowLength = 0;
                if (laterFileExists())
                {
                    closeFile();
                    continue;
                }
                return -1;
            }
            if (header == END_OF_DATA)
            {
                closeFile();
                continue;
            }
            final int length = header & LENGTH_MASK;
            if ((header & NOT_COMPLETE) != 0)
            {
                windowLength = 0;
                incompleteAt = position;
                return -1;
            }
            if (position + 4 + length > size)
            {
                size = fileSize = channel.size();
            }
            if (position + 4 + length > size)
            {
                problem = new Problem(Kind.TRUNCATED, name() + " ends at byte " + size + " inside "
                    + ((header & META_DATA) != 0 ? "Chronicle's index" : "event " + (events + 1))
                    + " (entry at byte " + position + " of " + length + " bytes): truncated after " + events + " events");
                return -1;
            }
            if ((header & META_DATA) != 0)
            {
                position = align(position + 4 + length);
                continue;
            }
            if (length > Events.SLOT_CAPACITY || length > dst.length)
            {
                problem = new Problem(Kind.DAMAGED, "damaged at event " + (events + 1) + ": the entry at byte " + position
                    + " of " + name() + " claims " + length + " bytes (events are at most " + Events.SLOT_CAPACITY + ")");
                return -1;
            }
            read(position + 4, dst, length);
            final String bad = badEvent(dst, length);
            if (bad != null)
            {
                problem = new Problem(Kind.DAMAGED, "damaged at event " + (events + 1) + ": the entry at byte " + position
                    + " of " + name() + " is not an arb event (" + bad + ")");
                return -1;
            }
            position = align(position + 4 + length);
            events++;
            return length;
        }
    }

    /** Events read so far. */
    public long events()
    {
        return events;
    }

    /** Why reading stopped early, or null (the end of the data, or nothing wrong yet). */
    public Problem problem()
    {
        return problem;
    }

    /** The byte offset of an entry that was begun but not completed where the last call stopped, or -1. */
    public long incompleteAt()
    {
        return incompleteAt;
    }

    /** The cycle file being read (null before the first or after the last). */
    public Path file()
    {
        return file;
    }

    private String name()
    {
        return String.valueOf(file);
    }

    private static long align(final long p)
    {
        return (p + 3) & ~3L;
    }

    /** Why {@code length} bytes are not an event of this schema, or null. */
    private static String badEvent(final byte[] b, final int length)
    {
        if (length < Events.HEADER_LENGTH + 8)
        {
            return length + " bytes";
        }
        final int blockLength = u16(b, 0);
        final int template = u16(b, 2);
        final int schema = u16(b, 4);
        final int version = u16(b, 6);
        if (schema != Events.SCHEMA_ID || version > Events.SCHEMA_VERSION)
        {
            return "schema " + schema + " version " + version;
        }
        if (template == 0 || Events.HEADER_LENGTH + blockLength > length)
        {
            return "template " + template + ", block of " + blockLength + " bytes in " + length;
        }
        return null;
    }

    private static int u16(final byte[] b, final int at)
    {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private boolean openNext() throws IOException
    {
        final List<Path> files = cycleFiles();
        if (files == null)
        {
            return false;
        }
        Path nextFile = null;
        for (final Path f : files)
        {
            if (file == null || f.getFileName().toString().compareTo(file.getFileName().toString()) > 0)
            {
                nextFile = f;
                break;
            }
        }
        if (nextFile == null)
        {
            return false;
        }
        file = nextFile;
        channel = FileChannel.open(file, StandardOpenOption.READ);
        windowLength = 0;
        position = 0;
        final long size = channel.size();
        fileSize = size;
        if (size < 8)
        {
            problem = new Problem(Kind.NOT_A_JOURNAL, file + " is " + size + " bytes: not a journal file");
            return false;
        }
        final int header = readInt(0);
        final int length = header & LENGTH_MASK;
        if ((header & ~LENGTH_MASK) != META_DATA || length < STORE_TAG.length || length > 1 << 16 || 4 + length > size
            || !containsStoreTag(Math.min(length, 64)))
        {
            problem = new Problem(Kind.NOT_A_JOURNAL, file + " is not a Chronicle journal file (its queue header is "
                + (header == 0 ? "zeroed" : "missing or damaged") + ")");
            return false;
        }
        return true;
    }

    private boolean containsStoreTag(final int length) throws IOException
    {
        final byte[] head = new byte[length];
        read(4, head, length);
        outer:
        for (int i = 0; i + STORE_TAG.length <= length; i++)
        {
            for (int j = 0; j < STORE_TAG.length; j++)
            {
                if (head[i + j] != STORE_TAG[j])
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The journal's cycle files in order; null (with a problem) when the directory is absent or holds a stray file. */
    private List<Path> cycleFiles() throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            problem = new Problem(Kind.MISSING, "no journal at " + dir);
            return null;
        }
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir))
        {
            for (final Path p : (Iterable<Path>)s::iterator)
            {
                final String n = p.getFileName().toString();
                if (n.endsWith(".cq4"))
                {
                    if (!CYCLE_FILE.matcher(n).matches() || !Files.isRegularFile(p))
                    {
                        problem = new Problem(Kind.STRAY_FILE, "stray file " + p + ": not a cycle file of this journal "
                            + "(a journal holds only yyyyMMddF.cq4 files and metadata.cq4t); move it out of " + dir);
                        return null;
                    }
                    files.add(p);
                }
            }
        }
        files.sort(null);
        listed = true;
        return files;
    }

    /** Whether the directory was listed at least once (false: nothing was found to read). */
    boolean listed()
    {
        return listed;
    }

    private boolean laterFileExists() throws IOException
    {
        try (Stream<Path> s = Files.list(dir))
        {
            final String current = file.getFileName().toString();
            return s.map(p -> p.getFileName().toString())
                .anyMatch(n -> CYCLE_FILE.matcher(n).matches() && n.compareTo(current) > 0);
        }
    }

    private void closeFile() throws IOException
    {
        if (channel != null)
        {
            channel.close();
            channel = null;
        }
        windowLength = 0;
    }

    private int readInt(final long at) throws IOException
    {
        fill(at, 4);
        return window.getInt((int)(at - windowStart));
    }

    private void read(final long at, final byte[] dst, final int length) throws IOException
    {
        fill(at, length);
        window.get((int)(at - windowStart), dst, 0, length);
    }

    /** Makes [at, at + length) available in the window (zeros past the end of the file). */
    private void fill(final long at, final int length) throws IOException
    {
        if (at >= windowStart && at + length <= windowStart + windowLength)
        {
            return;
        }
        window.clear();
        int n = 0;
        while (n < window.capacity())
        {
            final int r = channel.read(window, at + n);
            if (r <= 0)
            {
                break;
            }
            n += r;
        }
        while (window.position() < Math.max(length, 4))
        {
            window.put((byte)0);
        }
        windowStart = at;
        windowLength = window.position();
    }

    @Override
    public void close()
    {
        try
        {
            closeFile();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
