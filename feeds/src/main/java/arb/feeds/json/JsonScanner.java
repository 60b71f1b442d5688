package arb.feeds.json;

import arb.journal.AsciiDecimal;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A zero-allocation forward cursor over one JSON text held in a {@link DirectBuffer} range. It
 * never builds a tree and never creates a String: callers walk the document in order, compare
 * keys with preallocated {@code byte[]} constants, and read scalars straight into primitives
 * (numbers into fixed point through {@link AsciiDecimal}, whether the venue sent them as JSON
 * numbers or as JSON strings). Anything the caller does not want is skipped with
 * {@link #skipValue()}, which validates what it skips, so a frame that was walked to its end with
 * no failure is syntactically valid JSON.
 *
 * <p>Failure is sticky and exception-free: the first syntax error, truncation or depth overflow
 * records {@link #errorCode()} and {@link #errorPosition()}, and from then on every navigation
 * method returns {@code false} (or {@link #INVALID}) so loops end by themselves. A caller checks
 * {@link #failed()} once, at the end, before it acts on anything it read.
 *
 * <p>Typical use (field order does not matter, unknown members are skipped):
 * <pre>{@code
 * json.wrap(buffer, offset, length);
 * if (json.beginObject())
 * {
 *     while (json.nextMember())
 *     {
 *         if (json.keyEquals(PRICE)) { price = json.readDecimal(8); }
 *         else if (json.keyEquals(SIDE) && json.readString()) { bid = json.valueEquals(BID); }
 *         else { json.skipValue(); }
 *     }
 * }
 * if (!json.endOfInput()) { return BAD_FRAME; }  // failed, truncated or trailing garbage
 * }</pre>
 *
 * <p>Two-pass patterns (a member whose meaning depends on a later member) skip the value, keep
 * {@link #valueStart()}/{@link #valueEnd()}, and later {@link #wrap} the scanner (or a second one)
 * over that range. Keys and string values are compared as raw bytes, escapes undecoded: venue
 * protocols never escape their keys or enumerated values. {@link #readStringInto} decodes escapes
 * when the text itself matters. Not thread safe; one instance per decoder.
 *
 * <p>At about 1,200 lines this class is the documented exception to the project's ~500-line rule:
 * it is the one lexer every decoder's hot path runs through, and its cursor, failure state and
 * scalar readers share private state that the JIT keeps in registers while it inlines the small
 * methods into each decoder's loop. Split into collaborating classes, the same work would go
 * through extra field loads and calls that no longer inline, on every byte of every frame.
 */
public final class JsonScanner
{
    /** Returned by the numeric readers when the value is absent, not a number, or out of range. */
    public static final long INVALID = AsciiDecimal.INVALID;

    /** Value types reported by {@link #peekType()}. */
    public static final int TYPE_NONE = 0;
    public static final int TYPE_OBJECT = 1;
    public static final int TYPE_ARRAY = 2;
    public static final int TYPE_STRING = 3;
    public static final int TYPE_NUMBER = 4;
    public static final int TYPE_TRUE = 5;
    public static final int TYPE_FALSE = 6;
    public static final int TYPE_NULL = 7;
    public static final int TYPE_INVALID = 8;

    /** Error codes reported by {@link #errorCode()}. */
    public static final int OK = 0;
    /** The input ended inside a value or before the closing bracket of a container. */
    public static final int ERR_TRUNCATED = 1;
    /** A byte that cannot start or continue the expected token. */
    public static final int ERR_UNEXPECTED = 2;
    /** Containers nested deeper than the scanner's maximum depth. */
    public static final int ERR_DEPTH = 3;
    /** A malformed JSON number token. */
    public static final int ERR_NUMBER = 4;
    /** A bad escape or a raw control character inside a string. */
    public static final int ERR_STRING = 5;
    /** Non-whitespace after the top-level value. */
    public static final int ERR_TRAILING = 6;
    /** The caller asked for a member in an array, an element in an object, or similar. */
    public static final int ERR_MISUSE = 7;

    public static final int DEFAULT_MAX_DEPTH = 32;

    /** {@link #scanDecimal}'s "not mine": a value no decimal can take ({@link #INVALID} is Long.MIN_VALUE). */
    private static final long SLOW = Long.MIN_VALUE + 1;
    /** At most this many digits cannot overflow a long mantissa. */
    private static final int MAX_FAST_DIGITS = 18;

    private static final byte IN_OBJECT = 1;
    private static final byte IN_ARRAY = 2;

    private final int maxDepth;
    private final byte[] containerKinds;
    private final boolean[] containerStarted;

    private DirectBuffer buffer;
    private int start;
    private int end;
    private int position;
    private int depth;
    private int errorCode;
    private int errorPosition;

    private int keyStart;
    private int keyEnd;
    private int valueStart;
    private int valueEnd;
    private boolean valueEscaped;
    private boolean scanEscaped;
    /** The last RFC 3339 text parsed and its value: Coinbase repeats one event_time on every level. */
    private final org.agrona.concurrent.UnsafeBuffer lastTime = new org.agrona.concurrent.UnsafeBuffer(new byte[40]);
    private int lastTimeLength = -1;
    private long lastTimeNanos;
    private boolean started;

    public JsonScanner()
    {
        this(DEFAULT_MAX_DEPTH);
    }

    public JsonScanner(final int maxDepth)
    {
        if (maxDepth < 1)
        {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.containerKinds = new byte[maxDepth];
        this.containerStarted = new boolean[maxDepth];
    }

    /** Points the scanner at {@code buffer[offset, offset + length)} and clears all state. */
    public JsonScanner wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.start = offset;
        this.end = offset + length;
        this.position = offset;
        this.depth = 0;
        this.errorCode = OK;
        this.errorPosition = -1;
        this.keyStart = offset;
        this.keyEnd = offset;
        this.valueStart = offset;
        this.valueEnd = offset;
        this.valueEscaped = false;
        this.scanEscaped = false;
        this.started = false;
        return this;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int maxDepth()
    {
        return maxDepth;
    }

    /** Current nesting depth: 0 outside the top-level value, 1 inside it, and so on. */
    public int depth()
    {
        return depth;
    }

    /** Absolute buffer index of the next unread byte. */
    public int position()
    {
        return position;
    }

    public boolean failed()
    {
        return errorCode != OK;
    }

    public int errorCode()
    {
        return errorCode;
    }

    /** Absolute buffer index where the first error was detected, -1 when none. */
    public int errorPosition()
    {
        return errorPosition;
    }

    /** Marks the document as unusable (e.g. a required field had the wrong type) at the current position. */
    public void fail(final int code)
    {
        if (errorCode == OK)
        {
            errorCode = code;
            errorPosition = position;
        }
    }

    /**
     * True when the top-level value has been read completely, only whitespace follows, and no error
     * occurred. Records {@link #ERR_TRAILING} or {@link #ERR_TRUNCATED} otherwise.
     */
    public boolean endOfInput()
    {
        if (errorCode != OK)
        {
            return false;
        }
        if (depth != 0)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        skipWhitespace();
        if (position != end)
        {
            fail(ERR_TRAILING);
            return false;
        }
        if (!started)
        {
            fail(ERR_TRUNCATED); // empty or whitespace-only input
            return false;
        }
        return true;
    }

    /** Type of the next value without consuming it; {@link #TYPE_NONE} at end of input or after failure. */
    public int peekType()
    {
        if (errorCode != OK)
        {
            return TYPE_NONE;
        }
        skipWhitespace();
        if (position >= end)
        {
            return TYPE_NONE;
        }
        final byte c = buffer.getByte(position);
        switch (c)
        {
            case '{': return TYPE_OBJECT;
            case '[': return TYPE_ARRAY;
            case '"': return TYPE_STRING;
            case 't': return TYPE_TRUE;
            case 'f': return TYPE_FALSE;
            case 'n': return TYPE_NULL;
            default:
                return c == '-' || (c >= '0' && c <= '9') ? TYPE_NUMBER : TYPE_INVALID;
        }
    }

    // ------------------------------------------------------------------ containers

    /** Consumes '{' and enters the object; false (and failure) if the next value is not an object. */
    public boolean beginObject()
    {
        return begin((byte)'{', IN_OBJECT);
    }

    /** Consumes '[' and enters the array; false (and failure) if the next value is not an array. */
    public boolean beginArray()
    {
        return begin((byte)'[', IN_ARRAY);
    }

    /**
     * Advances to the next member of the current object: reads its key (see {@link #keyEquals}) and
     * the ':' so the value is next. Returns false at the closing '}' (consumed, depth decremented)
     * or on failure. The caller must consume the member's value (read or skip) before calling again.
     */
    public boolean nextMember()
    {
        if (errorCode != OK)
        {
            return false;
        }
        if (depth == 0 || containerKinds[depth - 1] != IN_OBJECT)
        {
            fail(ERR_MISUSE);
            return false;
        }
        if (!nextItem((byte)'}'))
        {
            return false;
        }
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        if (buffer.getByte(position) != '"')
        {
            fail(ERR_UNEXPECTED);
            return false;
        }
        final int keyContentStart = position + 1;
        final int keyContentEnd = scanString(keyContentStart);
        if (keyContentEnd < 0)
        {
            return false;
        }
        keyStart = keyContentStart;
        keyEnd = keyContentEnd;
        position = keyContentEnd + 1;
        skipWhitespace();
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        if (buffer.getByte(position) != ':')
        {
            fail(ERR_UNEXPECTED);
            return false;
        }
        position++;
        return true;
    }

    /**
     * Advances to the next element of the current array. Returns false at the closing ']' (consumed,
     * depth decremented) or on failure. The caller must consume the element before calling again.
     */
    public boolean nextElement()
    {
        if (errorCode != OK)
        {
            return false;
        }
        if (depth == 0 || containerKinds[depth - 1] != IN_ARRAY)
        {
            fail(ERR_MISUSE);
            return false;
        }
        return nextItem((byte)']');
    }

    /**
     * Skips the rest of the current container, whatever its kind, including its closing bracket.
     * Useful after the caller found what it needed.
     */
    public boolean skipRestOfContainer()
    {
        if (errorCode != OK)
        {
            return false;
        }
        if (depth == 0)
        {
            fail(ERR_MISUSE);
            return false;
        }
        return skipUntilDepth(depth - 1);
    }

    // ------------------------------------------------------------------ keys

    /** True when the current member's key (raw bytes between the quotes) equals {@code key}. */
    public boolean keyEquals(final byte[] key)
    {
        return rangeEquals(keyStart, keyEnd, key);
    }

    public int keyStart()
    {
        return keyStart;
    }

    public int keyEnd()
    {
        return keyEnd;
    }

    // ------------------------------------------------------------------ values

    /**
     * Skips the next value, whatever it is, validating its syntax. Afterwards {@link #valueStart()}
     * and {@link #valueEnd()} delimit the value's raw bytes (quotes and brackets included).
     */
    public boolean skipValue()
    {
        if (errorCode != OK)
        {
            return false;
        }
        skipWhitespace();
        final int from = position;
        final int base = depth;
        if (!consumeScalarOrOpen())
        {
            return false;
        }
        if (depth > base && !skipUntilDepth(base))
        {
            return false;
        }
        valueStart = from;
        valueEnd = position;
        valueEscaped = false;
        return true;
    }

    /**
     * Reads a string value. Afterwards {@link #valueStart()}/{@link #valueEnd()} delimit its raw
     * content (without quotes, escapes undecoded) and {@link #valueHasEscapes()} tells whether it
     * held any. A non-string value is a failure ({@link #ERR_UNEXPECTED}).
     */
    public boolean readString()
    {
        if (errorCode != OK)
        {
            return false;
        }
        skipWhitespace();
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        if (buffer.getByte(position) != '"')
        {
            fail(ERR_UNEXPECTED);
            return false;
        }
        return consumeString();
    }

    /**
     * Reads a string or null. Returns true for a string (range set as by {@link #readString()}),
     * false for null (empty range) or on failure.
     */
    public boolean readStringOrNull()
    {
        if (peekType() == TYPE_NULL)
        {
            skipValue();
            valueEnd = valueStart;
            return false;
        }
        return readString();
    }

    /** True when the last string read (content bytes) equals {@code text}. */
    public boolean valueEquals(final byte[] text)
    {
        return rangeEquals(valueStart, valueEnd, text);
    }

    public int valueStart()
    {
        return valueStart;
    }

    public int valueEnd()
    {
        return valueEnd;
    }

    public int valueLength()
    {
        return valueEnd - valueStart;
    }

    public boolean valueHasEscapes()
    {
        return valueEscaped;
    }

    /**
     * Reads a number, given either as a JSON number or as a JSON string holding a decimal, into
     * fixed point with {@code decimals} digits after the point (extra digits are truncated toward
     * zero). Consumes the value whatever it is; returns {@link #INVALID} for null, other types,
     * text that is not a decimal, or values that do not fit a long. Only syntax errors fail the
     * scanner: an {@link #INVALID} value leaves the document walkable.
     */
    public long readDecimal(final int decimals)
    {
        final long fast = scanDecimal(decimals);
        if (fast != SLOW)
        {
            return fast;
        }
        final int type = peekType();
        if (type == TYPE_NUMBER)
        {
            if (!consumeNumber())
            {
                return INVALID;
            }
            return AsciiDecimal.parse(buffer, valueStart, valueEnd, decimals);
        }
        if (type == TYPE_STRING)
        {
            if (!consumeString() || valueEscaped)
            {
                return INVALID;
            }
            return AsciiDecimal.parse(buffer, valueStart, valueEnd, decimals);
        }
        skipValue();
        return INVALID;
    }

    /**
     * One pass over a plain decimal - {@code -?digits[.digits]} as a JSON string, or as a JSON number
     * with no leading zero, at most 18 digits - validating and accumulating the digits together, so
     * the text is read once instead of scanned and then parsed. The result equals what
     * {@link AsciiDecimal#parse} gives for the same text (the fraction beyond {@code decimals}
     * truncated toward zero; {@link #INVALID} when the scaled value does not fit). Anything else
     * (escapes, exponents, '+', more digits, a malformed token, a failed scanner) returns
     * {@link #SLOW} with nothing consumed, and the general path handles it exactly as before.
     */
    private long scanDecimal(final int decimals)
    {
        if (errorCode != OK)
        {
            return SLOW;
        }
        skipWhitespace();
        final DirectBuffer b = buffer;
        final int limit = end;
        final int from = position;
        if (from >= limit)
        {
            return SLOW;
        }
        final byte first = b.getByte(from);
        final boolean quoted = first == '"';
        int i = quoted ? from + 1 : from;
        boolean negative = false;
        if (i < limit && b.getByte(i) == '-')
        {
            negative = true;
            i++;
        }
        final int digitsFrom = i;
        long mantissa = 0;
        int count = 0;
        int fracDigits = 0;
        boolean point = false;
        byte c = 0;
        while (i < limit)
        {
            c = b.getByte(i);
            final int d = c - '0';
            if (d >= 0 && d <= 9)
            {
                mantissa = mantissa * 10 + d;
                count++;
                if (point)
                {
                    fracDigits++;
                }
                i++;
            }
            else if (c == '.' && !point)
            {
                point = true;
                i++;
            }
            else
            {
                break;
            }
        }
        if (count == 0 || count > MAX_FAST_DIGITS)
        {
            return SLOW;
        }
        final int valueFrom;
        final int valueTo;
        if (quoted)
        {
            if (i >= limit || c != '"')
            {
                return SLOW;
            }
            valueFrom = from + 1;
            valueTo = i;
            position = i + 1;
        }
        else
        {
            // JSON's number grammar: a digit before and after the point, no leading zero.
            final int intDigits = count - fracDigits;
            if (intDigits == 0 || (point && fracDigits == 0)
                || (b.getByte(digitsFrom) == '0' && intDigits > 1))
            {
                return SLOW;
            }
            if (i < limit && !(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'))
            {
                return SLOW;
            }
            valueFrom = from;
            valueTo = i;
            position = i;
        }
        started = true;
        valueStart = valueFrom;
        valueEnd = valueTo;
        valueEscaped = false;
        return AsciiDecimal.scale(mantissa, decimals - fracDigits, negative);
    }

    /**
     * Reads an integer given as a JSON number or a JSON string of digits (optional leading '-').
     * Fractions, exponents, other types and values beyond a long give {@link #INVALID}; like
     * {@link #readDecimal}, the value is consumed either way.
     */
    public long readLong()
    {
        final int type = peekType();
        if (type == TYPE_NUMBER)
        {
            if (!consumeNumber())
            {
                return INVALID;
            }
        }
        else if (type == TYPE_STRING)
        {
            if (!consumeString())
            {
                return INVALID;
            }
        }
        else
        {
            skipValue();
            return INVALID;
        }
        return parseLong(buffer, valueStart, valueEnd);
    }

    /** Reads true/false; anything else consumes the value and returns {@code absent}. */
    public boolean readBoolean(final boolean absent)
    {
        final int type = peekType();
        skipValue();
        if (type == TYPE_TRUE)
        {
            return true;
        }
        return type == TYPE_FALSE ? false : absent;
    }

    /** Consumes the next value if it is null and returns true; otherwise consumes nothing. */
    public boolean readNull()
    {
        if (peekType() == TYPE_NULL)
        {
            return skipValue();
        }
        return false;
    }

    /**
     * Reads a string timestamp in RFC 3339 form into epoch nanoseconds, {@link #INVALID} when it is
     * not one (see {@link Rfc3339}).
     */
    public long readRfc3339Nanos()
    {
        if (peekType() != TYPE_STRING)
        {
            skipValue();
            return INVALID;
        }
        if (!consumeString() || valueEscaped)
        {
            return INVALID;
        }
        // The parse is a pure function of the text: the same text as last time gives the same value.
        final int length = valueEnd - valueStart;
        if (length == lastTimeLength && sameAsLastTime(length))
        {
            return lastTimeNanos;
        }
        final long nanos = Rfc3339.parseNanos(buffer, valueStart, valueEnd);
        if (length <= lastTime.capacity())
        {
            lastTime.putBytes(0, buffer, valueStart, length);
            lastTimeLength = length;
            lastTimeNanos = nanos;
        }
        return nanos;
    }

    private boolean sameAsLastTime(final int length)
    {
        final DirectBuffer b = buffer;
        final int from = valueStart;
        int i = length;
        // Eight bytes at a time from the end: the fraction, which differs first, is there.
        while (i >= Long.BYTES)
        {
            i -= Long.BYTES;
            if (b.getLong(from + i) != lastTime.getLong(i))
            {
                return false;
            }
        }
        while (i > 0)
        {
            i--;
            if (b.getByte(from + i) != lastTime.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a string and writes its decoded text (escapes resolved, {@code \\uXXXX} as UTF-8) into
     * {@code dst} at {@code dstOffset}, at most {@code maxLength} bytes.
     *
     * @return bytes written, or -1 when the value is not a string, is malformed or does not fit
     */
    public int readStringInto(final MutableDirectBuffer dst, final int dstOffset, final int maxLength)
    {
        if (!readString())
        {
            return -1;
        }
        return decodeString(buffer, valueStart, valueEnd, dst, dstOffset, maxLength);
    }

    // ------------------------------------------------------------------ static helpers

    /**
     * Parses {@code buffer[from, to)} as a signed decimal integer (digits only).
     *
     * @return the value or {@link #INVALID}
     */
    public static long parseLong(final DirectBuffer buffer, final int from, final int to)
    {
        if (from >= to)
        {
            return INVALID;
        }
        int i = from;
        final boolean negative = buffer.getByte(i) == '-';
        if (negative)
        {
            i++;
            if (i == to)
            {
                return INVALID;
            }
        }
        long v = 0;
        for (; i < to; i++)
        {
            final int d = buffer.getByte(i) - '0';
            if (d < 0 || d > 9)
            {
                return INVALID;
            }
            if (v > (Long.MAX_VALUE - d) / 10)
            {
                return INVALID;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * Decodes the raw content of a JSON string (between the quotes) into {@code dst}.
     *
     * @return bytes written, or -1 on a malformed escape or when {@code maxLength} is exceeded
     */
    public static int decodeString(
        final DirectBuffer src, final int from, final int to, final MutableDirectBuffer dst, final int dstOffset,
        final int maxLength)
    {
        int out = 0;
        int i = from;
        while (i < to)
        {
            byte c = src.getByte(i++);
            if (c == '\\')
            {
                if (i >= to)
                {
                    return -1;
                }
                c = src.getByte(i++);
                int codePoint;
                switch (c)
                {
                    case '"': codePoint = '"'; break;
                    case '\\': codePoint = '\\'; break;
                    case '/': codePoint = '/'; break;
                    case 'b': codePoint = '\b'; break;
                    case 'f': codePoint = '\f'; break;
                    case 'n': codePoint = '\n'; break;
                    case 'r': codePoint = '\r'; break;
                    case 't': codePoint = '\t'; break;
                    case 'u':
                        if (i + 4 > to)
                        {
                            return -1;
                        }
                        codePoint = hex4(src, i);
                        if (codePoint < 0)
                        {
                            return -1;
                        }
                        i += 4;
                        if (codePoint >= 0xD800 && codePoint <= 0xDBFF && i + 6 <= to
                            && src.getByte(i) == '\\' && src.getByte(i + 1) == 'u')
                        {
                            final int low = hex4(src, i + 2);
                            if (low >= 0xDC00 && low <= 0xDFFF)
                            {
                                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                                i += 6;
                            }
                        }
                        break;
                    default:
                        return -1;
                }
                final int n = utf8Length(codePoint);
                if (out + n > maxLength)
                {
                    return -1;
                }
                writeUtf8(dst, dstOffset + out, codePoint, n);
                out += n;
            }
            else
            {
                if (out >= maxLength)
                {
                    return -1;
                }
                dst.putByte(dstOffset + out++, c);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private boolean begin(final byte open, final byte kind)
    {
        if (errorCode != OK)
        {
            return false;
        }
        skipWhitespace();
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        if (buffer.getByte(position) != open)
        {
            fail(ERR_UNEXPECTED);
            return false;
        }
        return push(kind);
    }

    private boolean push(final byte kind)
    {
        if (depth >= maxDepth)
        {
            fail(ERR_DEPTH);
            return false;
        }
        started = true;
        containerKinds[depth] = kind;
        containerStarted[depth] = false;
        depth++;
        position++;
        return true;
    }

    /** Handles the separator before an item; false (with depth popped) at the closing bracket. */
    private boolean nextItem(final byte close)
    {
        skipWhitespace();
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        byte c = buffer.getByte(position);
        if (c == close)
        {
            position++;
            depth--;
            return false;
        }
        if (containerStarted[depth - 1])
        {
            if (c != ',')
            {
                fail(ERR_UNEXPECTED);
                return false;
            }
            position++;
            skipWhitespace();
            if (position >= end)
            {
                fail(ERR_TRUNCATED);
                return false;
            }
            c = buffer.getByte(position);
            if (c == close)
            {
                fail(ERR_UNEXPECTED); // trailing comma
                return false;
            }
        }
        else
        {
            containerStarted[depth - 1] = true;
        }
        return true;
    }

    /** Consumes a scalar, or opens a container (depth incremented). Position at the value's first byte. */
    private boolean consumeScalarOrOpen()
    {
        if (position >= end)
        {
            fail(ERR_TRUNCATED);
            return false;
        }
        final byte c = buffer.getByte(position);
        switch (c)
        {
            case '{': return push(IN_OBJECT);
            case '[': return push(IN_ARRAY);
            case '"': return consumeString();
            case 't': return consumeLiteral(TRUE_BYTES);
            case 'f': return consumeLiteral(FALSE_BYTES);
            case 'n': return consumeLiteral(NULL_BYTES);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return consumeNumber();
                }
                fail(ERR_UNEXPECTED);
                return false;
        }
    }

    /** Walks members/elements (skipping each value) until the depth is back at {@code targetDepth}. */
    private boolean skipUntilDepth(final int targetDepth)
    {
        while (depth > targetDepth)
        {
            final boolean more = containerKinds[depth - 1] == IN_OBJECT ? nextMember() : nextElement();
            if (errorCode != OK)
            {
                return false;
            }
            if (more)
            {
                skipWhitespace();
                if (!consumeScalarOrOpen())
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

    private boolean consumeLiteral(final byte[] literal)
    {
        final int n = literal.length;
        for (int i = 0; i < n; i++)
        {
            if (position + i >= end)
            {
                fail(ERR_TRUNCATED);
                return false;
            }
            if (buffer.getByte(position + i) != literal[i])
            {
                position += i;
                fail(ERR_UNEXPECTED);
                return false;
            }
        }
        started = true;
        valueStart = position;
        position += n;
        valueEnd = position;
        valueEscaped = false;
        return true;
    }

    /** Position at the opening quote; sets the content range and moves past the closing quote. */
    private boolean consumeString()
    {
        final int contentStart = position + 1;
        final int contentEnd = scanString(contentStart);
        if (contentEnd < 0)
        {
            return false;
        }
        started = true;
        valueStart = contentStart;
        valueEnd = contentEnd;
        valueEscaped = scanEscaped;
        position = contentEnd + 1;
        return true;
    }

    /**
     * Scans string content from {@code from} (just after the opening quote) to the closing quote,
     * validating escapes. Returns the index of the closing quote, or -1 after recording a failure.
     * Sets {@link #scanEscaped}.
     */
    private int scanString(final int from)
    {
        boolean escaped = false;
        int i = from;
        final DirectBuffer b = buffer;
        final int limit = end;
        while (i < limit)
        {
            if (i + Long.BYTES <= limit)
            {
                // Eight bytes at a time until one might need attention: a quote, a backslash or a
                // control character. The mask never misses one; its lowest flag is the first such
                // byte (little-endian: the lowest byte comes first), which the byte path below then
                // handles exactly as if it had got there one byte at a time.
                final long special = special(b.getLong(i, java.nio.ByteOrder.LITTLE_ENDIAN));
                if (special == 0)
                {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
            }
            final byte c = b.getByte(i);
            if (c == '"')
            {
                scanEscaped = escaped;
                return i;
            }
            if (c == '\\')
            {
                escaped = true;
                if (i + 1 >= limit)
                {
                    position = limit;
                    fail(ERR_TRUNCATED);
                    return -1;
                }
                final byte e = b.getByte(i + 1);
                if (e == 'u')
                {
                    if (i + 6 > limit)
                    {
                        position = limit;
                        fail(ERR_TRUNCATED);
                        return -1;
                    }
                    if (hex4(b, i + 2) < 0)
                    {
                        position = i;
                        fail(ERR_STRING);
                        return -1;
                    }
                    i += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                {
                    position = i;
                    fail(ERR_STRING);
                    return -1;
                }
                i += 2;
                continue;
            }
            if (c >= 0 && c < 0x20)
            {
                position = i;
                fail(ERR_STRING);
                return -1;
            }
            i++;
        }
        position = limit;
        fail(ERR_TRUNCATED);
        return -1;
    }

    /**
     * The high bit of every byte of {@code w} that is a quote, a backslash or below 0x20 (a control
     * character; bytes 0x80 and up, UTF-8, are not flagged); see {@link Swar}.
     */
    static long special(final long w)
    {
        return Swar.stringSpecials(w);
    }

    /**
     * Validates and consumes a JSON number token: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
     * The token must be followed by a delimiter or the end of input.
     */
    private boolean consumeNumber()
    {
        final DirectBuffer b = buffer;
        final int limit = end;
        final int from = position;
        int i = from;
        if (i < limit && b.getByte(i) == '-')
        {
            i++;
        }
        if (i >= limit)
        {
            return numberTruncatedOrBad(i);
        }
        byte c = b.getByte(i);
        if (c == '0')
        {
            i++;
        }
        else if (c >= '1' && c <= '9')
        {
            i = digits(b, i, limit);
        }
        else
        {
            return numberError(i);
        }
        if (i < limit && b.getByte(i) == '.')
        {
            i++;
            final int fracStart = i;
            i = digits(b, i, limit);
            if (i == fracStart)
            {
                return numberTruncatedOrBad(i);
            }
        }
        if (i < limit)
        {
            c = b.getByte(i);
            if (c == 'e' || c == 'E')
            {
                i++;
                if (i < limit && (b.getByte(i) == '+' || b.getByte(i) == '-'))
                {
                    i++;
                }
                final int expStart = i;
                i = digits(b, i, limit);
                if (i == expStart)
                {
                    return numberTruncatedOrBad(i);
                }
            }
        }
        if (i < limit)
        {
            c = b.getByte(i);
            if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'))
            {
                return numberError(i);
            }
        }
        started = true;
        valueStart = from;
        valueEnd = i;
        valueEscaped = false;
        position = i;
        return true;
    }

    private boolean numberTruncatedOrBad(final int at)
    {
        if (at >= end)
        {
            position = end;
            fail(ERR_TRUNCATED);
            return false;
        }
        return numberError(at);
    }

    private boolean numberError(final int at)
    {
        position = at;
        fail(ERR_NUMBER);
        return false;
    }

    private static int digits(final DirectBuffer b, final int from, final int limit)
    {
        int i = from;
        while (i < limit)
        {
            final byte c = b.getByte(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            i++;
        }
        return i;
    }

    private void skipWhitespace()
    {
        final DirectBuffer b = buffer;
        final int limit = end;
        int i = position;
        while (i < limit)
        {
            final byte c = b.getByte(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                break;
            }
            i++;
        }
        position = i;
    }

    private boolean rangeEquals(final int from, final int to, final byte[] text)
    {
        final int n = text.length;
        if (to - from != n)
        {
            return false;
        }
        final DirectBuffer b = buffer;
        for (int i = 0; i < n; i++)
        {
            if (b.getByte(from + i) != text[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hex4(final DirectBuffer b, final int at)
    {
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            final byte c = b.getByte(at + i);
            final int d;
            if (c >= '0' && c <= '9')
            {
                d = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                d = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                d = c - 'A' + 10;
            }
            else
            {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static int utf8Length(final int codePoint)
    {
        if (codePoint < 0x80)
        {
            return 1;
        }
        if (codePoint < 0x800)
        {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static void writeUtf8(final MutableDirectBuffer dst, final int at, final int cp, final int n)
    {
        switch (n)
        {
            case 1:
                dst.putByte(at, (byte)cp);
                break;
            case 2:
                dst.putByte(at, (byte)(0xC0 | (cp >> 6)));
                dst.putByte(at + 1, (byte)(0x80 | (cp & 0x3F)));
                break;
            case 3:
                dst.putByte(at, (byte)(0xE0 | (cp >> 12)));
                dst.putByte(at + 1, (byte)(0x80 | ((cp >> 6) & 0x3F)));
                dst.putByte(at + 2, (byte)(0x80 | (cp & 0x3F)));
                break;
            default:
                dst.putByte(at, (byte)(0xF0 | (cp >> 18)));
                dst.putByte(at + 1, (byte)(0x80 | ((cp >> 12) & 0x3F)));
                dst.putByte(at + 2, (byte)(0x80 | ((cp >> 6) & 0x3F)));
                dst.putByte(at + 3, (byte)(0x80 | (cp & 0x3F)));
                break;
        }
    }
}
