package arb.market.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one parser of {@code key=value} text: a single assignment ({@code --set}), and lines with
 * blank lines and {@code #} comments skipped (config files, journaled parameters, sweep grids). In
 * config files and grids a {@code #} at the start of a line or after a blank starts a comment, so
 * {@code key=value   # why} is the value {@code value}. Keys and values are stripped; the first '='
 * separates them, so a value may contain '='.
 */
public final class KeyValues
{
    /** One assignment and the line it came from (1-based; 0 for a single assignment). */
    public record Entry(String key, String value, int line)
    {
    }

    private KeyValues()
    {
    }

    /** Parses one {@code key=value} assignment; anything without a key before '=' is an error. */
    public static Entry assignment(final String text)
    {
        final Entry e = split(text, 0);
        if (e == null)
        {
            throw new IllegalArgumentException("expected key=value, got '" + text + "'");
        }
        return e;
    }

    /**
     * Parses {@code key=value} lines; a malformed line is an error naming {@code source}, the line
     * number and the expected {@code form} (e.g. {@code key=value}).
     */
    public static List<Entry> lines(final String text, final String source, final String form)
    {
        final List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (final String line : text.split("\n"))
        {
            lineNo++;
            final String t = withoutComment(line).strip();
            if (t.isEmpty() || t.startsWith("#"))
            {
                continue;
            }
            final Entry e = split(t, lineNo);
            if (e == null)
            {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected " + form + ", got '" + t + "'");
            }
            entries.add(e);
        }
        return entries;
    }

    /** Parses {@code key=value} lines, reporting each malformed line to {@code malformed} instead of failing. */
    public static List<Entry> linesLenient(final String text, final List<String> malformed)
    {
        final List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (final String line : text.split("\n"))
        {
            lineNo++;
            final String t = line.strip();
            if (t.isEmpty() || t.startsWith("#"))
            {
                continue;
            }
            final Entry e = split(t, lineNo);
            if (e == null)
            {
                malformed.add(t);
            }
            else
            {
                entries.add(e);
            }
        }
        return entries;
    }

    /** Reads and parses a {@code key=value} file (UTF-8). */
    public static List<Entry> file(final Path file)
    {
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read config " + file, e);
        }
        return lines(text, file.toString(), "key=value");
    }

    /** The line up to a {@code #} that starts it or follows a blank (an inline comment). */
    static String withoutComment(final String line)
    {
        for (int i = 0; i < line.length(); i++)
        {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))))
            {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Entry split(final String text, final int line)
    {
        final int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank())
        {
            return null;
        }
        return new Entry(text.substring(0, eq).strip(), text.substring(eq + 1).strip(), line);
    }
}
