package arb.app.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import arb.journal.EventDumper;
import arb.journal.Events;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One HdrHistogram of latencies per input event type, plus one over all events: what a latency
 * probe records into on the chain thread. Recording is allocation-free (histograms are sized up
 * front; values beyond {@link #HIGHEST_NS} are clamped and counted as such). Single writer; read it
 * after the writer has stopped (at the end of the run).
 */
public final class LatencyByEventType
{
    /** Latencies above this are recorded as this (and counted in {@link #clamped()}). */
    public static final long HIGHEST_NS = 60_000_000_000L;
    private static final int DIGITS = 3;

    private final Histogram[] byTemplate = new Histogram[Events.FIRST_OUTPUT_TEMPLATE];
    private final Histogram all = new Histogram(HIGHEST_NS, DIGITS);
    private long clamped;
    private long negative;

    public LatencyByEventType()
    {
        for (int t = 1; t < byTemplate.length; t++)
        {
            if (Events.isInput(t))
            {
                byTemplate[t] = new Histogram(HIGHEST_NS, DIGITS);
            }
        }
    }

    /** Records one event's latency. Negative values (a clock mismatch) are counted and recorded as 0. */
    public void record(final int templateId, final long latencyNs)
    {
        long value = latencyNs;
        if (value < 0)
        {
            negative++;
            value = 0;
        }
        else if (value > HIGHEST_NS)
        {
            clamped++;
            value = HIGHEST_NS;
        }
        all.recordValue(value);
        if (templateId > 0 && templateId < byTemplate.length)
        {
            final Histogram h = byTemplate[templateId];
            if (h != null)
            {
                h.recordValue(value);
            }
        }
    }

    public Histogram all()
    {
        return all;
    }

    /** The histogram of one input event type (null for templates that are not input events). */
    public Histogram of(final int templateId)
    {
        return templateId > 0 && templateId < byTemplate.length ? byTemplate[templateId] : null;
    }

    public long clamped()
    {
        return clamped;
    }

    public long negative()
    {
        return negative;
    }

    public void reset()
    {
        all.reset();
        for (final Histogram h : byTemplate)
        {
            if (h != null)
            {
                h.reset();
            }
        }
        clamped = 0;
        negative = 0;
    }

    /**
     * Writes a human-readable table (one line per event type seen, then "all": count and
     * p50/p90/p99/p99.9/p99.99/max in microseconds) to {@code table}, and the full histograms in
     * HdrHistogram's log format (one tagged interval per type, loadable with HistogramLogReader) to
     * {@code log} (skipped when null).
     */
    public void write(final Path table, final Path log, final String title)
    {
        final EventDumper names = new EventDumper();
        try
        {
            if (table.getParent() != null)
            {
                Files.createDirectories(table.getParent());
            }
            try (PrintStream out = new PrintStream(Files.newOutputStream(table), false, StandardCharsets.UTF_8))
            {
                out.println("# " + title);
                out.println("# latency in microseconds; clamped at " + HIGHEST_NS / 1_000_000_000L + " s: " + clamped
                    + " events; negative (clock mismatch, recorded as 0): " + negative + " events");
                out.printf(Locale.ROOT, "%-14s %12s %10s %10s %10s %10s %10s %12s%n",
                    "event", "count", "p50", "p90", "p99", "p99.9", "p99.99", "max");
                for (int t = 1; t < byTemplate.length; t++)
                {
                    final Histogram h = byTemplate[t];
                    if (h != null && h.getTotalCount() > 0)
                    {
                        line(out, names.messageName(t), h);
                    }
                }
                line(out, "all", all);
            }
            if (log != null)
            {
                try (PrintStream out = new PrintStream(Files.newOutputStream(log), false, StandardCharsets.UTF_8))
                {
                    final HistogramLogWriter writer = new HistogramLogWriter(out);
                    writer.outputComment(title);
                    writer.outputLogFormatVersion();
                    writer.outputLegend();
                    for (int t = 1; t < byTemplate.length; t++)
                    {
                        final Histogram h = byTemplate[t];
                        if (h != null && h.getTotalCount() > 0)
                        {
                            h.setTag(names.messageName(t));
                            writer.outputIntervalHistogram(h);
                        }
                    }
                    all.setTag("all");
                    writer.outputIntervalHistogram(all);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write latency report " + table, e);
        }
    }

    private static void line(final PrintStream out, final String name, final Histogram h)
    {
        out.printf(Locale.ROOT, "%-14s %12d %10.1f %10.1f %10.1f %10.1f %10.1f %12.1f%n", name, h.getTotalCount(),
            us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
            us(h.getValueAtPercentile(99.9)), us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()));
    }

    private static double us(final long ns)
    {
        return ns / 1000.0;
    }
}
