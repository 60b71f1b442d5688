package arb.feeds.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import arb.sbe.Venue;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code capture.jsonl}: one JSON object per line for every raw frame in and out, every HTTP
 * body and every connect/disconnect/reset, in the order the I/O thread saw them:
 *
 * <pre>
 * {"ts_ns":1764403200123456789,"venue":"kraken","conn":3,"kind":"ws","dir":"in","frame":"{\"channel\":\"book\",...}"}
 * {"ts_ns":...,"venue":"binanceus","conn":1,"kind":"http","dir":"in","url":"https://...","status":200,"frame":"{...}"}
 * {"ts_ns":...,"venue":"coinbase","conn":2,"kind":"event","dir":"out","url":"wss://...","frame":"connect"}
 * </pre>
 *
 * {@code ts_ns} is the receive-clock time the decoder got with the frame, so importing a capture
 * reproduces the live run's market events exactly. The I/O thread only copies the bytes into an
 * off-heap ring (Agrona many-to-one ring buffer, a memcpy); a background thread formats and writes.
 * If the ring is full the record is dropped and counted (the I/O thread never waits on the disk).
 */
public final class CaptureWriter implements FrameCapture, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);
    private static final int MSG_TYPE = 1;
    /** ts(8) conn(4) venue(1) kind(1) dir(1) pad(1) status(2) urlLen(2) = 20 bytes, then url, then frame. */
    private static final int HEADER = 20;
    /** Formatted text is written out in chunks of this size, so a 5 MB frame needs no 30 MB buffer. */
    private static final int LINE_CHUNK = 64 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] VENUE_NAMES = new byte[8][];

    static
    {
        for (final Venue v : Venue.values())
        {
            if (v != Venue.NULL_VAL)
            {
                VENUE_NAMES[v.value()] = v.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    private final RingBuffer ring;
    private final OutputStream out;
    private final Thread thread;
    private final byte[] line;
    private final UnsafeBuffer lineBuffer;
    private volatile boolean running = true;
    private volatile long dropped;
    private long written;
    private volatile Throwable failure;

    /**
     * @param file          the capture file (created; must not exist)
     * @param ringBytes     hand-off ring capacity (power of two); the largest record is an eighth of it
     */
    public CaptureWriter(final Path file, final int ringBytes)
    {
        this(file, ringBytes, false);
    }

    /**
     * @param file          the capture file (created; must not exist unless {@code append})
     * @param ringBytes     hand-off ring capacity (power of two); the largest record is an eighth of it
     * @param append        add to an existing capture (a resumed live run)
     */
    public CaptureWriter(final Path file, final int ringBytes, final boolean append)
    {
        try
        {
            this.out = new java.io.BufferedOutputStream(append
                ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 20);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create capture file " + file, e);
        }
        final ByteBuffer bb = BufferUtil.allocateDirectAligned(ringBytes + RingBufferDescriptor.TRAILER_LENGTH, 64);
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(bb));
        this.line = new byte[LINE_CHUNK + 1024];
        this.lineBuffer = new UnsafeBuffer(line);
        this.thread = new Thread(this::run, "capture-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A writer with a 64 MiB ring: records up to 8 MiB (Coinbase's ~5 MB level2 snapshot fits). */
    public static CaptureWriter open(final Path file)
    {
        return new CaptureWriter(file, 64 << 20);
    }

    /** As {@link #open}, adding to the file if it exists (a resumed live run goes on with its capture). */
    public static CaptureWriter openAppending(final Path file)
    {
        return new CaptureWriter(file, 64 << 20, true);
    }

    @Override
    public void record(final long tsNs, final Venue venue, final int conn, final Kind kind, final boolean in,
        final String url, final DirectBuffer frame, final int offset, final int length)
    {
        recordHttp(tsNs, venue, conn, kind, in, url, 0, frame, offset, length);
    }

    @Override
    public void recordHttp(final long tsNs, final Venue venue, final int conn, final Kind kind, final boolean in,
        final String url, final int httpStatus, final DirectBuffer frame, final int offset, final int length)
    {
        final byte[] urlBytes = url == null ? null : url.getBytes(StandardCharsets.UTF_8);
        final int urlLength = urlBytes == null ? 0 : Math.min(urlBytes.length, 65_535);
        final int total = HEADER + urlLength + length;
        if (total > ring.maxMsgLength())
        {
            dropped++;
            LOG.warn("capture record of {} bytes exceeds the ring's maximum of {}: dropped", total, ring.maxMsgLength());
            return;
        }
        final int index = ring.tryClaim(MSG_TYPE, total);
        if (index <= 0)
        {
            dropped++;
            return;
        }
        final MutableDirectBuffer b = ring.buffer();
        b.putLong(index, tsNs);
        b.putInt(index + 8, conn);
        b.putByte(index + 12, (byte)venue.value());
        b.putByte(index + 13, (byte)kind.ordinal());
        b.putByte(index + 14, (byte)(in ? 1 : 0));
        b.putShort(index + 16, (short)httpStatus);
        b.putShort(index + 18, (short)urlLength);
        if (urlLength > 0)
        {
            b.putBytes(index + HEADER, urlBytes, 0, urlLength);
        }
        b.putBytes(index + HEADER + urlLength, frame, offset, length);
        ring.commit(index);
    }

    /** Records dropped because the ring was full or a record too large. */
    public long dropped()
    {
        return dropped;
    }

    private void run()
    {
        try
        {
            while (running)
            {
                if (ring.read(this::onRecord, 1024) == 0)
                {
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            while (ring.read(this::onRecord) > 0)
            {
                // drain what the I/O thread committed before close
            }
            out.flush();
        }
        catch (final IOException | RuntimeException e)
        {
            failure = e;
            LOG.error("capture writer failed; capture stops here", e);
        }
    }

    private void onRecord(final int msgTypeId, final MutableDirectBuffer b, final int index, final int length)
    {
        final long ts = b.getLong(index);
        final int conn = b.getInt(index + 8);
        final int venue = b.getByte(index + 12);
        final int kind = b.getByte(index + 13);
        final boolean in = b.getByte(index + 14) != 0;
        final int status = b.getShort(index + 16) & 0xFFFF;
        final int urlLength = b.getShort(index + 18) & 0xFFFF;
        int p = 0;
        p = ascii(p, "{\"ts_ns\":");
        p += lineBuffer.putLongAscii(p, ts);
        p = ascii(p, ",\"venue\":\"");
        final byte[] name = venue >= 0 && venue < VENUE_NAMES.length && VENUE_NAMES[venue] != null
            ? VENUE_NAMES[venue] : VENUE_NAMES[0];
        System.arraycopy(name, 0, line, p, name.length);
        p += name.length;
        p = ascii(p, "\",\"conn\":");
        p += lineBuffer.putIntAscii(p, conn);
        p = ascii(p, kind == Kind.WS.ordinal() ? ",\"kind\":\"ws\"" : kind == Kind.HTTP.ordinal() ? ",\"kind\":\"http\"" : ",\"kind\":\"event\"");
        p = ascii(p, in ? ",\"dir\":\"in\"" : ",\"dir\":\"out\"");
        if (urlLength > 0)
        {
            p = ascii(p, ",\"url\":\"");
            p = escape(b, index + HEADER, urlLength, p);
            line[p++] = '"';
        }
        if (status != 0)
        {
            p = ascii(p, ",\"status\":");
            p += lineBuffer.putIntAscii(p, status);
        }
        p = ascii(p, ",\"frame\":\"");
        p = escape(b, index + HEADER + urlLength, length - HEADER - urlLength, p);
        p = ascii(p, "\"}\n");
        flushLine(p);
        written++;
    }

    private int ascii(final int at, final String s)
    {
        int p = at;
        for (int i = 0; i < s.length(); i++)
        {
            line[p++] = (byte)s.charAt(i);
        }
        return p;
    }

    /** JSON string escaping; bytes >= 0x80 pass through unchanged (UTF-8 stays UTF-8). */
    private int escape(final DirectBuffer b, final int from, final int length, final int at)
    {
        int p = at;
        final int end = from + length;
        for (int i = from; i < end; i++)
        {
            if (p >= LINE_CHUNK)
            {
                flushLine(p);
                p = 0;
            }
            final byte c = b.getByte(i);
            if (c == '"' || c == '\\')
            {
                line[p++] = '\\';
                line[p++] = c;
            }
            else if (c >= 0 && c < 0x20)
            {
                line[p++] = '\\';
                switch (c)
                {
                    case '\n': line[p++] = 'n'; break;
                    case '\r': line[p++] = 'r'; break;
                    case '\t': line[p++] = 't'; break;
                    default:
                        line[p++] = 'u';
                        line[p++] = '0';
                        line[p++] = '0';
                        line[p++] = HEX[(c >> 4) & 0xF];
                        line[p++] = HEX[c & 0xF];
                }
            }
            else
            {
                line[p++] = c;
            }
        }
        return p;
    }

    private void flushLine(final int length)
    {
        try
        {
            out.write(line, 0, length);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains what was recorded, flushes and closes the file. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(30_000);
            out.close();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        if (dropped > 0)
        {
            LOG.warn("capture: {} records dropped (ring full or record too large)", dropped);
        }
        if (failure != null)
        {
            throw new IllegalStateException("capture writer failed", failure);
        }
    }

    long written()
    {
        return written;
    }
}
