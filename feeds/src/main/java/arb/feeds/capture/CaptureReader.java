package arb.feeds.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads {@code capture.jsonl} (see {@link CaptureWriter}) one record at a time, without building
 * Strings or JSON trees for frames: the frame is unescaped into a reusable buffer. Fields may come in
 * any order; unknown fields are skipped; a malformed line is counted and skipped. The record
 * accessors are valid until the next call to {@link #next()}.
 *
 * <p>This class maps a line's fields to the record; {@link CaptureLineReader} splits the file into
 * lines and {@link CaptureLineLexer} lexes a line's JSON.
 */
public final class CaptureReader implements AutoCloseable
{
    private static final Venue[] VENUES = Venue.values();
    private static final String[] VENUE_NAMES = new String[VENUES.length];

    static
    {
        for (int i = 0; i < VENUES.length; i++)
        {
            VENUE_NAMES[i] = VENUES[i].name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Venue venueOf(final int n)
    {
        for (int i = 0; i < VENUES.length; i++)
        {
            if (VENUES[i] != Venue.NULL_VAL && scratchIs(n, VENUE_NAMES[i]))
            {
                return VENUES[i];
            }
        }
        return null;
    }

    private boolean scratchIs(final int n, final String text)
    {
        if (n != text.length())
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            if (scratch.getByte(i) != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private final CaptureLineReader lines;
    private final CaptureLineLexer lexer = new CaptureLineLexer();
    private final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(1 << 16);
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);
    private long lineNumber;
    private long malformed;
    private long oversized;

    private long tsNs;
    private Venue venue;
    private int conn;
    private FrameCapture.Kind kind;
    private boolean dirIn;
    private String url;
    private int status;
    private int frameLen;

    public CaptureReader(final Path file)
    {
        this(file, CaptureLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /** A reader of a stream (tests, fuzzing); lines longer than {@code maxLineBytes} are skipped and counted. */
    public CaptureReader(final java.io.InputStream in, final int maxLineBytes)
    {
        this.lines = new CaptureLineReader(in, maxLineBytes);
    }

    /** A reader that skips (and counts as malformed and {@link #oversized()}) lines longer than {@code maxLineBytes}. */
    public CaptureReader(final Path file, final int maxLineBytes)
    {
        try
        {
            this.lines = new CaptureLineReader(Files.newInputStream(file), maxLineBytes);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open capture " + file, e);
        }
    }

    /** Advances to the next well-formed record; false at the end of the file. */
    public boolean next()
    {
        while (lines.readLine())
        {
            lineNumber++;
            if (lines.oversized())
            {
                oversized++;
                malformed++;
                continue;
            }
            if (lines.length() == 0)
            {
                continue;
            }
            if (parse())
            {
                return true;
            }
            malformed++;
        }
        return false;
    }

    private boolean parse()
    {
        tsNs = Long.MIN_VALUE;
        venue = null;
        conn = 0;
        kind = null;
        dirIn = true;
        url = null;
        status = 0;
        frameLen = -1;
        final CaptureLineLexer lexer = this.lexer;
        lexer.wrap(lines.line(), lines.length());
        lexer.skipWs();
        if (!lexer.expect('{'))
        {
            return false;
        }
        lexer.skipWs();
        if (lexer.peek() == '}')
        {
            return false;
        }
        while (true)
        {
            lexer.skipWs();
            if (!lexer.expect('"'))
            {
                return false;
            }
            final int keyStart = lexer.position();
            final int keyEnd = lexer.skipToQuote();
            if (!lexer.expect('"'))
            {
                return false;
            }
            lexer.skipWs();
            if (!lexer.expect(':'))
            {
                return false;
            }
            lexer.skipWs();
            if (!value(keyStart, keyEnd))
            {
                return false;
            }
            lexer.skipWs();
            final int c = lexer.peek();
            if (c == ',')
            {
                lexer.expect(',');
            }
            else if (c == '}')
            {
                break;
            }
            else
            {
                return false;
            }
        }
        return tsNs != Long.MIN_VALUE && venue != null && kind != null && frameLen >= 0;
    }

    private boolean value(final int keyStart, final int keyEnd)
    {
        final CaptureLineLexer lexer = this.lexer;
        if (lexer.key(keyStart, keyEnd, "frame"))
        {
            final int n = lexer.string(frame);
            frameLen = n;
            return n >= 0;
        }
        if (lexer.peek() == '"')
        {
            final int n = lexer.string(scratch);
            if (n < 0)
            {
                return false;
            }
            if (lexer.key(keyStart, keyEnd, "venue"))
            {
                venue = venueOf(n);
                return venue != null;
            }
            if (lexer.key(keyStart, keyEnd, "kind"))
            {
                kind = scratchIs(n, "ws") ? FrameCapture.Kind.WS : scratchIs(n, "http") ? FrameCapture.Kind.HTTP
                    : scratchIs(n, "event") ? FrameCapture.Kind.EVENT : null;
                return kind != null;
            }
            if (lexer.key(keyStart, keyEnd, "dir"))
            {
                dirIn = scratchIs(n, "in");
                return dirIn || scratchIs(n, "out");
            }
            if (lexer.key(keyStart, keyEnd, "url"))
            {
                url = scratch.getStringWithoutLengthUtf8(0, n);
            }
            return true;
        }
        final int first = lexer.peek();
        if (first == '[' || first == '{')
        {
            return lexer.skipNested(scratch);
        }
        final int start = lexer.position();
        final int end = lexer.skipToken();
        if (lexer.key(keyStart, keyEnd, "ts_ns") || lexer.key(keyStart, keyEnd, "conn")
            || lexer.key(keyStart, keyEnd, "status"))
        {
            if (!lexer.parseLong(start, end))
            {
                return false;
            }
            final long v = lexer.longValue();
            if (lexer.key(keyStart, keyEnd, "ts_ns"))
            {
                tsNs = v;
            }
            else if (lexer.key(keyStart, keyEnd, "conn"))
            {
                conn = (int)v;
            }
            else
            {
                status = (int)v;
            }
        }
        return true;
    }

    public long tsNs()
    {
        return tsNs;
    }

    public Venue venue()
    {
        return venue;
    }

    public int conn()
    {
        return conn;
    }

    public FrameCapture.Kind kind()
    {
        return kind;
    }

    public boolean in()
    {
        return dirIn;
    }

    /** URL of http records and connect events, else null. */
    public String url()
    {
        return url;
    }

    /** HTTP status of an http response record; 0 when absent. */
    public int status()
    {
        return status;
    }

    public DirectBuffer frame()
    {
        return frame;
    }

    public int frameLength()
    {
        return frameLen;
    }

    /** The frame as text (cold path: tests, event records). */
    public String frameText()
    {
        return new String(frame.byteArray(), 0, frameLen, StandardCharsets.UTF_8);
    }

    public long lineNumber()
    {
        return lineNumber;
    }

    /** Lines longer than the limit, streamed past without being held (also counted in {@link #malformed()}). */
    public long oversized()
    {
        return oversized;
    }

    public long malformed()
    {
        return malformed;
    }

    @Override
    public void close()
    {
        lines.close();
    }
}
