package arb.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small JSON files the engine writes itself (run.json) into ordered maps, lists,
 * strings, {@code Long}/{@code Double} numbers, booleans and null. Cold path; any syntax error is an
 * {@link IllegalArgumentException} naming the offset.
 */
public final class JsonReader
{
    private final String text;
    private int pos;

    private JsonReader(final String text)
    {
        this.text = text;
    }

    /** Parses one JSON value (usually an object) from {@code text}. */
    public static Object parse(final String text)
    {
        final JsonReader r = new JsonReader(text);
        final Object v = r.value();
        r.skipSpace();
        if (r.pos != text.length())
        {
            throw r.error("unexpected text after the value");
        }
        return v;
    }

    /** Parses a JSON object; anything else is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(final String text)
    {
        final Object v = parse(text);
        if (!(v instanceof Map))
        {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>)v;
    }

    private Object value()
    {
        skipSpace();
        if (pos >= text.length())
        {
            throw error("unexpected end");
        }
        final char c = text.charAt(pos);
        switch (c)
        {
            case '{':
                return object();
            case '[':
                return list();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}')
        {
            pos++;
            return m;
        }
        while (true)
        {
            skipSpace();
            if (peek() != '"')
            {
                throw error("expected a key");
            }
            final String key = string();
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek() == ',')
            {
                pos++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> list()
    {
        final List<Object> l = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']')
        {
            pos++;
            return l;
        }
        while (true)
        {
            l.add(value());
            skipSpace();
            if (peek() == ',')
            {
                pos++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String string()
    {
        pos++;
        final StringBuilder sb = new StringBuilder();
        while (true)
        {
            if (pos >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return sb.toString();
            }
            if (c != '\\')
            {
                sb.append(c);
                continue;
            }
            if (pos >= text.length())
            {
                throw error("unterminated escape");
            }
            final char e = text.charAt(pos++);
            switch (e)
            {
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    if (pos + 4 > text.length())
                    {
                        throw error("bad \\u escape");
                    }
                    sb.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default: sb.append(e);
            }
        }
    }

    private Object number()
    {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
        final String s = text.substring(start, pos);
        if (s.isEmpty())
        {
            throw error("unexpected character '" + text.charAt(start) + "'");
        }
        try
        {
            if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0)
            {
                return Long.parseLong(s);
            }
            return Double.parseDouble(s);
        }
        catch (final NumberFormatException e)
        {
            throw error("bad number " + s);
        }
    }

    private Object literal(final String word, final Object v)
    {
        if (!text.startsWith(word, pos))
        {
            throw error("unexpected text");
        }
        pos += word.length();
        return v;
    }

    private char peek()
    {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace()
    {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
        {
            pos++;
        }
    }

    private IllegalArgumentException error(final String what)
    {
        return new IllegalArgumentException("bad JSON at offset " + pos + ": " + what);
    }
}
