package arb.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/**
 * Reads an instant from the command line the way people write one: {@code 2026-03-08T04:00Z},
 * {@code 2026-03-08T04:00:00.5Z}, {@code 2026-03-07T23:00-05:00}, {@code 2026-03-08T04:00} (UTC),
 * {@code 2026-03-08} (midnight UTC) or {@code now}.
 */
public final class InstantConverter implements CommandLine.ITypeConverter<Instant>
{
    @Override
    public Instant convert(final String text)
    {
        try
        {
            return Text.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException(ex.getMessage());
        }
    }

    /** The parsing itself, free of picocli (the lean path of small commands reads times with it). */
    static final class Text
    {
        private Text()
        {
        }

        /** The instant {@code text} names; IllegalArgumentException saying how to write one if none. */
        static Instant parse(final String text)
        {
            final String t = text.trim();
            if ("now".equalsIgnoreCase(t))
            {
                return Instant.now();
            }
            try
            {
                return OffsetDateTime.parse(t).toInstant();
            }
            catch (final DateTimeParseException ignored)
            {
                // try the next form
            }
            try
            {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
            catch (final DateTimeParseException ignored)
            {
                // try the next form
            }
            try
            {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            catch (final DateTimeParseException ignored)
            {
                throw new IllegalArgumentException("'" + text
                    + "' is not a time: use ISO-8601 like 2026-03-08T04:00Z, 2026-03-07T23:00-05:00 or 2026-03-08");
            }
        }
    }
}
