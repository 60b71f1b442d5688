package arb.market.config;

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
}
