package arb.feeds.capture;

import java.io.IOException;
import java.io.InputStream;
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
 */
public final class CaptureReader implements AutoCloseable
{
    private final InputStream in;
    private final byte[] chunk = new byte[1 << 20];
    private int chunkPos;
    private int chunkLen;
    private boolean eof;
    private final ExpandableArrayBuffer line = new ExpandableArrayBuffer(1 << 16);
    private int lineLen;
    private final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(1 << 16);
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);
    private long lineNumber;
    private long malformed;

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
        try
        {
            this.in = Files.newInputStream(file);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open capture " + file, e);
        }
    }

    /** Advances to the next well-formed record; false at the end of the file. */
    public boolean next()
    {
        while (readLine())
        {
            lineNumber++;
            if (lineLen == 0)
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

    private boolean readLine()
    {
        lineLen = 0;
        while (true)
        {
            if (chunkPos >= chunkLen)
            {
                if (eof || !fill())
                {
                    return lineLen > 0;
                }
            }
            int i = chunkPos;
            while (i < chunkLen && chunk[i] != '\n')
            {
                i++;
            }
            final int n = i - chunkPos;
            line.putBytes(lineLen, chunk, chunkPos, n);
            lineLen += n;
            chunkPos = i;
            if (i < chunkLen)
            {
                chunkPos++;
                if (lineLen > 0 && line.getByte(lineLen - 1) == '\r')
                {
                    lineLen--;
                }
                return true;
            }
        }
    }

    private boolean fill()
    {
        try
        {
            final int n = in.read(chunk, 0, chunk.length);
            if (n <= 0)
            {
                eof = true;
                return false;
            }
            chunkPos = 0;
            chunkLen = n;
            return true;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private int pos;

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
        pos = 0;
        skipWs();
        if (!expect('{'))
        {
            return false;
        }
        skipWs();
        if (peek() == '}')
        {
            return false;
        }
        while (true)
        {
            skipWs();
            if (!expect('"'))
            {
                return false;
            }
            final int keyStart = pos;
            while (pos < lineLen && line.getByte(pos) != '"')
            {
                pos++;
            }
            final int keyEnd = pos;
            if (!expect('"'))
            {
                return false;
            }
            skipWs();
            if (!expect(':'))
            {
                return false;
            }
            skipWs();
            if (!value(keyStart, keyEnd))
            {
                return false;
            }
            skipWs();
            final int c = peek();
            if (c == ',')
            {
                pos++;
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
        if (key(keyStart, keyEnd, "frame"))
        {
            final int n = string(frame);
            frameLen = n;
            return n >= 0;
        }
        if (peek() == '"')
        {
            final int n = string(scratch);
            if (n < 0)
            {
                return false;
            }
            if (key(keyStart, keyEnd, "venue"))
            {
                venue = venueOf(n);
                return venue != null;
            }
            if (key(keyStart, keyEnd, "kind"))
            {
                kind = scratchIs(n, "ws") ? FrameCapture.Kind.WS : scratchIs(n, "http") ? FrameCapture.Kind.HTTP
                    : scratchIs(n, "event") ? FrameCapture.Kind.EVENT : null;
                return kind != null;
            }
            if (key(keyStart, keyEnd, "dir"))
            {
                dirIn = scratchIs(n, "in");
                return dirIn || scratchIs(n, "out");
            }
            if (key(keyStart, keyEnd, "url"))
            {
                url = scratch.getStringWithoutLengthUtf8(0, n);
            }
            return true;
        }
        final int first = peek();
        if (first == '[' || first == '{')
        {
            return skipNested();
        }
        final int start = pos;
        while (pos < lineLen)
        {
            final byte c = line.getByte(pos);
            if (c == ',' || c == '}' || c == ' ')
            {
                break;
            }
            pos++;
        }
        if (key(keyStart, keyEnd, "ts_ns") || key(keyStart, keyEnd, "conn") || key(keyStart, keyEnd, "status"))
        {
            long v = 0;
            boolean neg = false;
            int i = start;
            if (i < pos && line.getByte(i) == '-')
            {
                neg = true;
                i++;
            }
            if (i >= pos)
            {
                return false;
            }
            for (; i < pos; i++)
            {
                final byte c = line.getByte(i);
                if (c < '0' || c > '9')
                {
                    return false;
                }
                v = v * 10 + (c - '0');
            }
            v = neg ? -v : v;
            if (key(keyStart, keyEnd, "ts_ns"))
            {
                tsNs = v;
            }
            else if (key(keyStart, keyEnd, "conn"))
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

    /** Skips an array or object value (unknown field), strings inside included. */
    private boolean skipNested()
    {
        int depth = 0;
        while (pos < lineLen)
        {
            final byte c = line.getByte(pos);
            if (c == '"')
            {
                if (string(scratch) < 0)
                {
                    return false;
                }
                continue;
            }
            pos++;
            if (c == '[' || c == '{')
            {
                depth++;
            }
            else if ((c == ']' || c == '}') && --depth == 0)
            {
                return true;
            }
        }
        return false;
    }

    /** Unescapes the JSON string at pos into {@code dst}; returns its byte length or -1. */
    private int string(final ExpandableArrayBuffer dst)
    {
        if (!expect('"'))
        {
            return -1;
        }
        int n = 0;
        while (pos < lineLen)
        {
            // Copy the run up to the next quote or backslash in one go: capture lines carry multi-MB
            // order book snapshots, and a capacity check per byte was the top of the import profile.
            final int runEnd = arb.feeds.json.Swar.indexOfQuoteOrBackslash(line, pos, lineLen);
            if (runEnd > pos)
            {
                dst.putBytes(n, line, pos, runEnd - pos);
                n += runEnd - pos;
                pos = runEnd;
                if (pos >= lineLen)
                {
                    return -1;
                }
            }
            final byte c = line.getByte(pos++);
            if (c == '"')
            {
                return n;
            }
            if (pos >= lineLen)
            {
                return -1;
            }
            final byte e = line.getByte(pos++);
            switch (e)
            {
                case '"': dst.putByte(n++, (byte)'"'); break;
                case '\\': dst.putByte(n++, (byte)'\\'); break;
                case '/': dst.putByte(n++, (byte)'/'); break;
                case 'b': dst.putByte(n++, (byte)'\b'); break;
                case 'f': dst.putByte(n++, (byte)'\f'); break;
                case 'n': dst.putByte(n++, (byte)'\n'); break;
                case 'r': dst.putByte(n++, (byte)'\r'); break;
                case 't': dst.putByte(n++, (byte)'\t'); break;
                case 'u':
                {
                    int cp = hex4();
                    if (cp < 0)
                    {
                        return -1;
                    }
                    if (cp >= 0xD800 && cp < 0xDC00 && pos + 6 <= lineLen && line.getByte(pos) == '\\'
                        && line.getByte(pos + 1) == 'u')
                    {
                        pos += 2;
                        final int low = hex4();
                        if (low < 0)
                        {
                            return -1;
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    n = putUtf8(dst, n, cp);
                    break;
                }
                default:
                    return -1;
            }
        }
        return -1;
    }

    private int hex4()
    {
        if (pos + 4 > lineLen)
        {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            final int c = line.getByte(pos++);
            final int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
            {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static int putUtf8(final ExpandableArrayBuffer dst, final int at, final int cp)
    {
        int n = at;
        if (cp < 0x80)
        {
            dst.putByte(n++, (byte)cp);
        }
        else if (cp < 0x800)
        {
            dst.putByte(n++, (byte)(0xC0 | (cp >> 6)));
            dst.putByte(n++, (byte)(0x80 | (cp & 0x3F)));
        }
        else if (cp < 0x10000)
        {
            dst.putByte(n++, (byte)(0xE0 | (cp >> 12)));
            dst.putByte(n++, (byte)(0x80 | ((cp >> 6) & 0x3F)));
            dst.putByte(n++, (byte)(0x80 | (cp & 0x3F)));
        }
        else
        {
            dst.putByte(n++, (byte)(0xF0 | (cp >> 18)));
            dst.putByte(n++, (byte)(0x80 | ((cp >> 12) & 0x3F)));
            dst.putByte(n++, (byte)(0x80 | ((cp >> 6) & 0x3F)));
            dst.putByte(n++, (byte)(0x80 | (cp & 0x3F)));
        }
        return n;
    }

    private boolean key(final int start, final int end, final String name)
    {
        if (end - start != name.length())
        {
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            if (line.getByte(start + i) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

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

    private void skipWs()
    {
        while (pos < lineLen)
        {
            final byte c = line.getByte(pos);
            if (c != ' ' && c != '\t')
            {
                return;
            }
            pos++;
        }
    }

    private int peek()
    {
        return pos < lineLen ? line.getByte(pos) : -1;
    }

    private boolean expect(final char c)
    {
        if (pos < lineLen && line.getByte(pos) == c)
        {
            pos++;
            return true;
        }
        return false;
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

    public long malformed()
    {
        return malformed;
    }

    @Override
    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
