package arb.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Every operation's latency in an HdrHistogram (not JMH's samples), for benchmarks whose tail is
 * the point (ring hand-off, journal append). Records only during measurement iterations; at the end
 * of the trial the percentiles go to a side file in {@code arb.bench.results} (when set) that the
 * summary table reads. Recording is allocation-free: values beyond the trackable range are clamped.
 */
public final class LatencyRecording
{
    public static final String RESULTS_PROPERTY = "arb.bench.results";
    private static final long HIGHEST_NS = 60_000_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_NS, 3);
    private boolean measuring;

    /** Call from an iteration-level setup: recording starts with the first measurement iteration. */
    public void onIteration(final boolean measurement)
    {
        if (measurement && !measuring)
        {
            histogram.reset();
            measuring = true;
        }
    }

    public void record(final long nanos)
    {
        if (measuring)
        {
            histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NS)));
        }
    }

    public Histogram histogram()
    {
        return histogram;
    }

    /** Writes the percentiles as {@code key=value} lines to {@code <results>/hdr/<name>.properties}. */
    public void write(final String name)
    {
        final String dir = System.getProperty(RESULTS_PROPERTY);
        if (dir == null || dir.isBlank() || histogram.getTotalCount() == 0)
        {
            return;
        }
        write(histogram, Path.of(dir, "hdr", name + ".properties"));
    }

    public static void write(final Histogram h, final Path file)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("count=").append(h.getTotalCount()).append('\n');
        sb.append(String.format(Locale.ROOT, "mean=%.1f%n", h.getMean()));
        for (final double p : new double[] {50, 90, 99, 99.9, 99.99})
        {
            sb.append("p").append(p).append('=').append(h.getValueAtPercentile(p)).append('\n');
        }
        sb.append("max=").append(h.getMaxValue()).append('\n');
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
