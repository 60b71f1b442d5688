package arb.bench.runner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code scripts/bench} prints: per figure, the measured value, its baseline (same
 * run where one exists, otherwise the goal or the published anchor), the ratio (how many times
 * better than the baseline: above 1 is better), allocation per operation, and the spread.
 */
public final class SummaryTable
{
    /** One line of the table. */
    public record Row(String section, String figure, String measured, String baseline, String ratio, String alloc,
        String spread)
    {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(final String section, final String figure, final String measured, final String baseline,
        final String ratio, final String alloc, final String spread)
    {
        rows.add(new Row(section, figure, measured, baseline, ratio, alloc, spread));
    }

    public List<Row> rows()
    {
        return List.copyOf(rows);
    }

    public void print(final PrintStream out)
    {
        final String[] head = {"figure", "measured", "baseline", "ratio", "B/op", "spread / notes"};
        final int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++)
        {
            w[i] = head[i].length();
        }
        for (final Row r : rows)
        {
            final String[] c = cells(r);
            for (int i = 0; i < c.length; i++)
            {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        line(out, head, w);
        final StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++)
        {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        }
        out.println(rule);
        String section = null;
        for (final Row r : rows)
        {
            if (!r.section().equals(section))
            {
                section = r.section();
                out.println("[" + section + "]");
            }
            line(out, cells(r), w);
        }
    }

    private static String[] cells(final Row r)
    {
        return new String[] {r.figure(), r.measured(), r.baseline(), r.ratio(), r.alloc(), r.spread()};
    }

    private static void line(final PrintStream out, final String[] cells, final int[] w)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++)
        {
            if (i > 0)
            {
                sb.append(" | ");
            }
            sb.append(i == cells.length - 1 ? cells[i] : pad(cells[i], w[i]));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String pad(final String s, final int width)
    {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** A duration in ns, in the unit that reads best (ns, us, ms, s). */
    public static String time(final double ns)
    {
        if (Double.isNaN(ns))
        {
            return "?";
        }
        final double a = Math.abs(ns);
        if (a < 1_000)
        {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (a < 1_000_000)
        {
            return String.format(Locale.ROOT, a < 10_000 ? "%.2f us" : "%.1f us", ns / 1e3);
        }
        if (a < 1_000_000_000)
        {
            return String.format(Locale.ROOT, a < 10_000_000 ? "%.2f ms" : "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    /** A rate per second, with k/M suffix. */
    public static String rate(final double perSecond)
    {
        if (Double.isNaN(perSecond))
        {
            return "?";
        }
        if (perSecond >= 1e6)
        {
            return String.format(Locale.ROOT, "%.2fM/s", perSecond / 1e6);
        }
        if (perSecond >= 1e3)
        {
            return String.format(Locale.ROOT, "%.0fk/s", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f/s", perSecond);
    }

    /** "x2.5" style ratio; "?" when either side is missing. */
    public static String ratio(final double r)
    {
        if (Double.isNaN(r) || Double.isInfinite(r))
        {
            return "?";
        }
        return String.format(Locale.ROOT, r >= 10 ? "x%.0f" : "x%.2f", r);
    }

    /** Bytes per operation as JMH's gc profiler reports them. */
    public static String bytes(final double b)
    {
        if (Double.isNaN(b))
        {
            return "?";
        }
        if (b < 0.01)
        {
            return "~0";
        }
        return String.format(Locale.ROOT, b < 10 ? "%.2f" : "%.0f", b);
    }
}
