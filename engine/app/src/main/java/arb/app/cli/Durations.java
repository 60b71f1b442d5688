package arb.app.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses human durations: 500ms, 90s, 10m, 2h, 1d, or plain seconds. */
final class Durations
{
    private Durations()
    {
    }

    static Duration parse(final String text)
    {
        final String t = text.strip().toLowerCase(Locale.ROOT);
        try
        {
            if (t.endsWith("ms"))
            {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            final char unit = t.charAt(t.length() - 1);
            final String num = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
            final double v = Double.parseDouble(num);
            final double seconds;
            switch (unit)
            {
                case 'm': seconds = v * 60; break;
                case 'h': seconds = v * 3600; break;
                case 'd': seconds = v * 86400; break;
                default: seconds = v;
            }
            return Duration.ofMillis((long)(seconds * 1000));
        }
        catch (final RuntimeException e)
        {
            throw new IllegalArgumentException("cannot read duration '" + text + "' (examples: 90s, 10m, 2h)");
        }
    }
}
