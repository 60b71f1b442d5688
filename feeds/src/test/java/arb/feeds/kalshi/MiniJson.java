package arb.feeds.kalshi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, independent JSON reader for tests (objects as ordered maps, arrays as lists, numbers as
 * BigDecimal, strings, booleans, null): the expected values of a real-data test come from it, never
 * from the project's own scanner, so the decoders are checked against a second reading.
 */
final class MiniJson
{
    private final String text;
    private int pos;

    private MiniJson(final String text)
    {
        this.text = text;
    }

    static Object parse(final String text)
    {
        final MiniJson p = new MiniJson(text);
        final Object value = p.value();
        p.spaces();
        if (p.pos != text.length())
        {
            throw new IllegalArgumentException("trailing text at " + p.pos);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final Object value)
    {
        return (Map<String, Object>)value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(final Object value)
    {
        return (List<Object>)value;
    }

    /** A decimal from a JSON string ("0.0100") or number (96). */
    static BigDecimal decimal(final Object value)
    {
        return value instanceof BigDecimal ? (BigDecimal)value : new BigDecimal((String)value);
    }

    private Object value()
    {
        spaces();
        final char c = text.charAt(pos);
        switch (c)
        {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            case 't':
                pos += 4;
                return Boolean.TRUE;
            case 'f':
                pos += 5;
                return Boolean.FALSE;
            case 'n':
                pos += 4;
                return null;
            default:
                return readNumber();
        }
    }

    private Map<String, Object> readObject()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        spaces();
        if (text.charAt(pos) == '}')
        {
            pos++;
            return map;
        }
        while (true)
        {
            spaces();
            final String key = readString();
            spaces();
            expect(':');
            map.put(key, value());
            spaces();
            if (text.charAt(pos) == ',')
            {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> readArray()
    {
        final List<Object> list = new ArrayList<>();
        pos++;
        spaces();
        if (text.charAt(pos) == ']')
        {
            pos++;
            return list;
        }
        while (true)
        {
            list.add(value());
            spaces();
            if (text.charAt(pos) == ',')
            {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String readString()
    {
        expect('"');
        final StringBuilder b = new StringBuilder();
        while (true)
        {
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return b.toString();
            }
            if (c != '\\')
            {
                b.append(c);
                continue;
            }
            final char e = text.charAt(pos++);
            switch (e)
            {
                case 'n':
                    b.append('\n');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 'b':
                    b.append('\b');
                    break;
                case 'f':
                    b.append('\f');
                    break;
                case 'u':
                    b.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default:
                    b.append(e);
                    break;
            }
        }
    }

    private BigDecimal readNumber()
    {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
        return new BigDecimal(text.substring(start, pos));
    }

    private void expect(final char c)
    {
        if (text.charAt(pos) != c)
        {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + text);
        }
        pos++;
    }

    private void spaces()
    {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
        {
            pos++;
        }
    }
}
