package arb.app.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the command line's durations: a positive decimal number and one of the units
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} ({@code 500ms}, {@code 90s}, {@code 1.5h},
 * {@code 2d}); a plain number is seconds. Anything else (another unit such as {@code 1w}, a sign,
 * zero, less than a millisecond, more than 100 years) is refused with one line naming the option.
 */
public final class Durations
{
    /** The longest duration accepted (100 years): far beyond any run, well inside a long of nanoseconds. */
    static final Duration MAX = Duration.ofDays(36_525);

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    private Durations()
    {
    }

    /** Parses {@code text}; {@code option} names it in the error (e.g. {@code --duration}). */
    public static Duration parse(final String option, final String text)
    {
        final Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches())
        {
            throw bad(option, text, "");
        }
        final String unit = m.group(2) == null ? "s" : m.group(2);
        final long unitMs = switch (unit)
        {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        final BigDecimal ms = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMs));
        if (ms.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0)
        {
            throw bad(option, text, " (at most 100 years)");
        }
        final long millis = ms.longValue();
        if (millis <= 0)
        {
            throw bad(option, text, " (must be at least 1 ms)");
        }
        return Duration.ofMillis(millis);
    }

    private static IllegalArgumentException bad(final String option, final String text, final String why)
    {
        return new IllegalArgumentException(option + ": cannot read duration '" + text + "'" + why
            + "; a positive number with a unit: ms, s, m, h or d (e.g. 500ms, 90s, 10m, 2h, 1d)");
    }
}
