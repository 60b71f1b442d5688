package arb.journal;

import java.util.Collection;
import java.util.Map;

/** A tiny JSON writer for cold-path files (run.json, summaries): ordered maps, lists, scalars. */
public final class Json
{
    private Json()
    {
    }

    public static String object(final Map<String, ?> fields)
    {
        final StringBuilder sb = new StringBuilder(256);
        appendObject(sb, fields, -1);
        return sb.toString();
    }

    /** Appends a JSON object; indent &lt; 0 writes one line. */
    public static void appendObject(final StringBuilder sb, final Map<String, ?> fields, final int indent)
    {
        sb.append('{');
        boolean first = true;
        for (final Map.Entry<String, ?> e : fields.entrySet())
        {
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            newline(sb, indent >= 0 ? indent + 1 : -1);
            appendString(sb, e.getKey());
            sb.append(indent >= 0 ? ": " : ":");
            appendValue(sb, e.getValue(), indent >= 0 ? indent + 1 : -1);
        }
        if (!fields.isEmpty())
        {
            newline(sb, indent);
        }
        sb.append('}');
    }

    @SuppressWarnings("unchecked")
    public static void appendValue(final StringBuilder sb, final Object v, final int indent)
    {
        if (v == null)
        {
            sb.append("null");
        }
        else if (v instanceof Map)
        {
            appendObject(sb, (Map<String, ?>)v, indent);
        }
        else if (v instanceof Collection)
        {
            sb.append('[');
            boolean first = true;
            for (final Object o : (Collection<?>)v)
            {
                if (!first)
                {
                    sb.append(',');
                }
                first = false;
                appendValue(sb, o, -1);
            }
            sb.append(']');
        }
        else if (v instanceof Number || v instanceof Boolean)
        {
            if (v instanceof Double && (((Double)v).isNaN() || ((Double)v).isInfinite()))
            {
                sb.append("null");
            }
            else
            {
                sb.append(v);
            }
        }
        else
        {
            appendString(sb, v.toString());
        }
    }

    public static void appendString(final StringBuilder sb, final CharSequence s)
    {
        sb.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static void newline(final StringBuilder sb, final int indent)
    {
        if (indent >= 0)
        {
            sb.append('\n');
            for (int i = 0; i < indent; i++)
            {
                sb.append("  ");
            }
        }
    }
}
