package arb.feeds.capture;

import org.agrona.ExpandableArrayBuffer;

/**
 * The JSON lexing of one capture line for the {@link CaptureReader}: a position over the line,
 * whitespace, punctuation, keys, numbers, nested values to skip, and string values unescaped into a
 * reusable buffer (runs without escapes copied in one go, since capture lines carry multi-MB
 * frames). Never builds a String. Valid for the line last given to {@link #wrap}.
 */
final class CaptureLineLexer
{
    private ExpandableArrayBuffer line;
    private int lineLen;
    private int pos;
    private long longValue;

    /** Starts lexing a line at its first byte. */
    void wrap(final ExpandableArrayBuffer line, final int lineLen)
    {
        this.line = line;
        this.lineLen = lineLen;
        this.pos = 0;
    }

    int position()
    {
        return pos;
    }

    /** Advances to the next {@code "} (or the end of the line) and returns that position. */
    int skipToQuote()
    {
        while (pos < lineLen && line.getByte(pos) != '"')
        {
            pos++;
        }
        return pos;
    }

    /** Advances over a bare token (number, literal) up to {@code ,}, {@code }} or a space; returns its end. */
    int skipToken()
    {
        while (pos < lineLen)
        {
            final byte c = line.getByte(pos);
            if (c == ',' || c == '}' || c == ' ')
            {
                break;
            }
            pos++;
        }
        return pos;
    }

    /**
     * Parses the line bytes {@code [start, end)} as an optionally negative decimal integer into
     * {@link #longValue()}.
     *
     * @return false when empty or not all digits
     */
    boolean parseLong(final int start, final int end)
    {
        long v = 0;
        boolean neg = false;
        int i = start;
        if (i < end && line.getByte(i) == '-')
        {
            neg = true;
            i++;
        }
        if (i >= end)
        {
            return false;
        }
        for (; i < end; i++)
        {
            final byte c = line.getByte(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
            final int digit = c - '0';
            if (v > (Long.MAX_VALUE - digit) / 10)
            {
                return false; // more than a long holds (a 20-digit ts_ns): malformed, never wrapped
            }
            v = v * 10 + digit;
        }
        longValue = neg ? -v : v;
        return true;
    }

    /** The value of the last successful {@link #parseLong}. */
    long longValue()
    {
        return longValue;
    }

    /** Skips an array or object value (unknown field), strings inside included. */
    boolean skipNested(final ExpandableArrayBuffer scratch)
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
    int string(final ExpandableArrayBuffer dst)
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

    /** Whether the line bytes {@code [start, end)} are the ASCII {@code name}. */
    boolean key(final int start, final int end, final String name)
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

    void skipWs()
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

    int peek()
    {
        return pos < lineLen ? line.getByte(pos) : -1;
    }

    boolean expect(final char c)
    {
        if (pos < lineLen && line.getByte(pos) == c)
        {
            pos++;
            return true;
        }
        return false;
    }
}
