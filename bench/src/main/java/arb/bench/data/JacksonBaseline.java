package arb.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baselines the frame decoders are measured against, on the same frames: Jackson's tree
 * ({@code readTree}) and Jackson's streaming parser. Both visit every value and turn every number
 * and numeric string into a fixed-point long at 1e-8 (what the decoders do with prices and sizes);
 * neither validates, keeps a book, checks sequences or checksums, or encodes an event, so the
 * comparison is generous to Jackson. The streaming baseline converts from Jackson's character
 * buffer without making Strings - the fastest plain Jackson there is.
 */
public final class JacksonBaseline
{
    private static final long NOT_NUMERIC = Long.MIN_VALUE;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    /** readTree, then a walk of the tree converting every numeric value. */
    public long tree(final byte[] data, final int offset, final int length)
    {
        try
        {
            return walk(mapper.readTree(data, offset, length));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The streaming parser over every token, converting numeric values from its char buffer. */
    public long streaming(final byte[] data, final int offset, final int length)
    {
        long sum = 0;
        try (JsonParser p = factory.createParser(data, offset, length))
        {
            JsonToken t;
            while ((t = p.nextToken()) != null)
            {
                switch (t)
                {
                    case VALUE_NUMBER_INT:
                        sum += p.getLongValue();
                        break;
                    case VALUE_NUMBER_FLOAT:
                    case VALUE_STRING:
                        final long v = fixed(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        sum += v == NOT_NUMERIC ? p.getTextLength() : v;
                        break;
                    case FIELD_NAME:
                        sum += p.getTextLength();
                        break;
                    default:
                        break;
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private static long walk(final JsonNode node)
    {
        if (node.isContainerNode())
        {
            long sum = 0;
            if (node.isObject())
            {
                for (final Map.Entry<String, JsonNode> e : node.properties())
                {
                    sum += e.getKey().length() + walk(e.getValue());
                }
            }
            else
            {
                for (final JsonNode child : node)
                {
                    sum += walk(child);
                }
            }
            return sum;
        }
        if (node.isIntegralNumber())
        {
            return node.longValue();
        }
        if (node.isNumber())
        {
            return Math.round(node.doubleValue() * 1e8);
        }
        if (node.isTextual())
        {
            final String s = node.textValue();
            final long v = fixed(s);
            return v == NOT_NUMERIC ? s.length() : v;
        }
        return 0;
    }

    /** A decimal at 1e-8 from chars, or {@link #NOT_NUMERIC}; extra fraction digits are truncated. */
    static long fixed(final char[] c, final int offset, final int length)
    {
        if (length == 0 || length > 30)
        {
            return NOT_NUMERIC;
        }
        int i = offset;
        final int end = offset + length;
        final boolean negative = c[i] == '-';
        if (negative)
        {
            i++;
        }
        long value = 0;
        int fraction = -1;
        boolean digits = false;
        for (; i < end; i++)
        {
            final char ch = c[i];
            if (ch >= '0' && ch <= '9')
            {
                if (fraction < 8)
                {
                    value = value * 10 + (ch - '0');
                    if (fraction >= 0)
                    {
                        fraction++;
                    }
                }
                digits = true;
            }
            else if (ch == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return NOT_NUMERIC;
            }
        }
        if (!digits)
        {
            return NOT_NUMERIC;
        }
        for (int f = Math.max(fraction, 0); f < 8; f++)
        {
            value *= 10;
        }
        return negative ? -value : value;
    }

    /** The same conversion from a String (the tree baseline's text nodes), without copying it. */
    static long fixed(final String s)
    {
        final int offset = 0;
        final int length = s.length();
        if (length == 0 || length > 30)
        {
            return NOT_NUMERIC;
        }
        int i = offset;
        final int end = offset + length;
        final boolean negative = s.charAt(i) == '-';
        if (negative)
        {
            i++;
        }
        long value = 0;
        int fraction = -1;
        boolean digits = false;
        for (; i < end; i++)
        {
            final char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9')
            {
                if (fraction < 8)
                {
                    value = value * 10 + (ch - '0');
                    if (fraction >= 0)
                    {
                        fraction++;
                    }
                }
                digits = true;
            }
            else if (ch == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return NOT_NUMERIC;
            }
        }
        if (!digits)
        {
            return NOT_NUMERIC;
        }
        for (int f = Math.max(fraction, 0); f < 8; f++)
        {
            value *= 10;
        }
        return negative ? -value : value;
    }
}
