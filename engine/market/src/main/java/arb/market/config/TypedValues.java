package arb.market.config;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The one reading of configuration text as typed values, shared by logic parameters and environment
 * settings: each failure is one line naming the kind ("parameter", "setting"), the key and the text.
 */
public final class TypedValues
{
    private TypedValues()
    {
    }

    public static long parseLong(final String kind, final String key, final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException(kind + " " + key + " must be an integer, got '" + text + "'");
        }
    }

    public static int parseInt(final String kind, final String key, final String text)
    {
        final long v = parseLong(kind, key, text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException(kind + " " + key + " is out of range for an int, got '" + text + "'");
        }
        return (int)v;
    }

    public static double parseDouble(final String kind, final String key, final String text)
    {
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException(kind + " " + key + " must be a number, got '" + text + "'");
        }
    }

    /** true/yes/1 or false/no/0, any case; anything else is an error. */
    public static boolean parseBoolean(final String kind, final String key, final String text)
    {
        final String v = text.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes") || v.equals("1"))
        {
            return true;
        }
        if (v.equals("false") || v.equals("no") || v.equals("0"))
        {
            return false;
        }
        throw new IllegalArgumentException(kind + " " + key + " must be true/false, got '" + text + "'");
    }

    /** Largest millisecond value accepted: as nanoseconds it still fits a long (about 292 years). */
    public static final long MAX_MS = Long.MAX_VALUE / 1_000_000L;

    /**
     * Checks {@code text} against a catalogued type, range and choices before anything uses it, so a
     * bad value is one line naming the key, not a failure half-way into a run. Types: {@code int}
     * (an integer), {@code ms} (an integer number of milliseconds, >= 0 unless the range says
     * otherwise), {@code number} (a finite decimal), {@code bool}, {@code enum} (one of
     * {@code choices}, any case, '-' and '_' alike), {@code list} (comma list of non-blank items, or empty),
     * {@code uri}, {@code host:port}, {@code time} (ISO instant or epoch ns), {@code text}; the
     * empty value is accepted where the default is empty ({@code emptyAllowed}).
     *
     * @param range   numeric range (int, ms, number); null: the type's own (ms: >= 0; others: finite)
     * @param choices allowed values of an enum; empty: not checked here
     */
    public static void check(final String kind, final String key, final String type, final Range range,
        final List<String> choices, final boolean emptyAllowed, final String text)
    {
        final String v = text.strip();
        if (v.isEmpty() && emptyAllowed)
        {
            return;
        }
        switch (type)
        {
            case "int" -> inRange(kind, key, parseLong(kind, key, v), range == null ? Range.FINITE : range, text);
            case "ms" ->
            {
                final long ms = parseLong(kind, key, v);
                if (ms > MAX_MS)
                {
                    throw new IllegalArgumentException(kind + " " + key + " is too large (at most " + MAX_MS + " ms), got '"
                        + text + "'");
                }
                inRange(kind, key, ms, range == null ? Range.NON_NEGATIVE : range, text);
            }
            case "number" -> inRange(kind, key, parseDouble(kind, key, v), range == null ? Range.FINITE : range, text);
            case "bool" -> parseBoolean(kind, key, v);
            case "enum" -> checkChoice(kind, key, choices, v);
            case "list" ->
            {
                // empty: an empty list (e.g. no spot venue); otherwise no blank item
                for (final String item : v.split(",", -1))
                {
                    if (item.isBlank() && !v.isEmpty())
                    {
                        throw new IllegalArgumentException(kind + " " + key + " must be a comma list of non-empty names, got '"
                            + text + "'");
                    }
                }
            }
            case "uri" -> checkUri(kind, key, v);
            case "host:port" -> checkHostPort(kind, key, v);
            case "time" -> checkTime(kind, key, v);
            default ->
            {
                // text: anything
            }
        }
    }

    private static void inRange(final String kind, final String key, final double v, final Range range, final String text)
    {
        if (!range.contains(v))
        {
            throw new IllegalArgumentException(kind + " " + key + " must be " + describe(range) + ", got '" + text + "'");
        }
    }

    private static String describe(final Range range)
    {
        final String r = range.toString();
        return r.startsWith("[") || r.startsWith("(") ? "in " + r : r.equals("finite") ? "a finite number" : r;
    }

    private static void checkChoice(final String kind, final String key, final List<String> choices, final String v)
    {
        if (choices == null || choices.isEmpty())
        {
            return;
        }
        final String norm = v.toLowerCase(Locale.ROOT).replace('_', '-');
        for (final String c : choices)
        {
            if (c.toLowerCase(Locale.ROOT).replace('_', '-').equals(norm))
            {
                return;
            }
        }
        throw new IllegalArgumentException(kind + " " + key + " must be one of " + String.join(", ", choices) + ", got '"
            + v + "'");
    }

    private static void checkUri(final String kind, final String key, final String v)
    {
        try
        {
            final URI uri = new URI(v);
            if (uri.getScheme() == null || uri.getHost() == null)
            {
                throw new IllegalArgumentException(kind + " " + key + " must be an absolute URI (scheme://host/...), got '"
                    + v + "'");
            }
        }
        catch (final java.net.URISyntaxException e)
        {
            throw new IllegalArgumentException(kind + " " + key + " must be a URI, got '" + v + "'");
        }
    }

    /** HOST:PORT with a port in 1..65535. */
    public static void checkHostPort(final String kind, final String key, final String v)
    {
        final int colon = v.lastIndexOf(':');
        boolean ok = colon > 0 && colon < v.length() - 1;
        if (ok)
        {
            try
            {
                final int port = Integer.parseInt(v.substring(colon + 1));
                ok = port >= 1 && port <= 65535;
            }
            catch (final NumberFormatException e)
            {
                ok = false;
            }
        }
        if (!ok)
        {
            throw new IllegalArgumentException(kind + " " + key + " must be HOST:PORT (port 1-65535), got '" + v + "'");
        }
    }

    private static void checkTime(final String kind, final String key, final String v)
    {
        try
        {
            if (!v.chars().allMatch(Character::isDigit))
            {
                Instant.parse(v);
            }
            else
            {
                Long.parseLong(v);
            }
        }
        catch (final DateTimeParseException | NumberFormatException e)
        {
            throw new IllegalArgumentException(kind + " " + key + " must be an ISO-8601 instant or epoch ns, got '" + v
                + "'");
        }
    }
}
