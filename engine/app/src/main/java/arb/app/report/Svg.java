package arb.app.report;

import java.util.Locale;

/**
 * A minimal SVG plot builder for the report: a plot area with linear axes, tick labels, polylines,
 * step lines, markers with hover titles and horizontal reference lines. Emits inline SVG text only
 * (no scripts, no external resources), so the report opens anywhere without a network.
 */
final class Svg
{
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"};
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long[] TIME_STEPS_MIN = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};

    private final StringBuilder sb = new StringBuilder(8192);
    private final int width;
    private final int height;
    private final int left = 64;
    private final int right = 16;
    private final int top = 14;
    private final int bottom = 30;
    private double x0;
    private double x1;
    private double y0;
    private double y1;

    Svg(final int width, final int height, final double x0, final double x1, final double y0, final double y1)
    {
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.x1 = x1 > x0 ? x1 : x0 + 1;
        this.y0 = y0;
        this.y1 = y1 > y0 ? y1 : y0 + 1;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
            .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
        sb.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(plotWidth())
            .append("\" height=\"").append(plotHeight()).append("\" fill=\"#fbfbfb\" stroke=\"#ccc\"/>");
    }

    private int plotWidth()
    {
        return width - left - right;
    }

    private int plotHeight()
    {
        return height - top - bottom;
    }

    double px(final double x)
    {
        return left + (x - x0) / (x1 - x0) * plotWidth();
    }

    double py(final double y)
    {
        return top + (1 - (y - y0) / (y1 - y0)) * plotHeight();
    }

    /**
     * Y axis ticks at "nice" values (multiples of 1, 2 or 5 times a power of ten, about {@code count}
     * of them inside the range), labelled with {@code format} (e.g. "%.2f").
     */
    Svg yTicks(final int count, final String format)
    {
        final double step = niceStep((y1 - y0) / Math.max(1, count));
        for (double v = Math.ceil(y0 / step) * step; v <= y1 + step * 1e-9; v += step)
        {
            final double y = py(v);
            final double shown = Math.abs(v) < step * 1e-9 ? 0 : v;
            sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotWidth()).append("\" y1=\"")
                .append(f(y)).append("\" y2=\"").append(f(y)).append("\" stroke=\"#eee\"/>");
            sb.append("<text x=\"").append(left - 4).append("\" y=\"").append(f(y + 4))
                .append("\" text-anchor=\"end\" class=\"tick\">").append(String.format(Locale.ROOT, format, shown))
                .append("</text>");
        }
        return this;
    }

    /** X axis ticks at epoch-ns times on whole minutes/hours (about {@code count}), labelled HH:MM (UTC). */
    Svg timeTicks(final int count)
    {
        final long step = niceTimeStepNs((x1 - x0) / Math.max(1, count));
        final long first = (long)Math.ceil(x0 / step) * step;
        for (long t = first; t <= x1; t += step)
        {
            final double x = px(t);
            sb.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(top)
                .append("\" y2=\"").append(top + plotHeight()).append("\" stroke=\"#eee\"/>");
            sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(height - 10)
                .append("\" text-anchor=\"middle\" class=\"tick\">").append(hhmm(t)).append("</text>");
        }
        return this;
    }

    /** The smallest of 1, 2, 5 x 10^k that is at least {@code raw}. */
    static double niceStep(final double raw)
    {
        if (!(raw > 0) || Double.isInfinite(raw))
        {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        final double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    /** A whole-minute step (1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 days) at least {@code rawNs}. */
    static long niceTimeStepNs(final double rawNs)
    {
        for (final long m : TIME_STEPS_MIN)
        {
            if (m * MINUTE_NS >= rawNs)
            {
                return m * MINUTE_NS;
            }
        }
        return TIME_STEPS_MIN[TIME_STEPS_MIN.length - 1] * MINUTE_NS;
    }

    /** Labels under chosen x positions (e.g. bar labels), each centred at its x. */
    Svg xLabels(final double[] xs, final String[] labels)
    {
        for (int i = 0; i < xs.length; i++)
        {
            sb.append("<text x=\"").append(f(px(xs[i]))).append("\" y=\"").append(height - 10)
                .append("\" text-anchor=\"middle\" class=\"tick\">").append(Html.escape(labels[i])).append("</text>");
        }
        return this;
    }

    /** X axis ticks for plain values, at nice values like {@link #yTicks}. */
    Svg xTicks(final int count, final String format)
    {
        final double step = niceStep((x1 - x0) / Math.max(1, count));
        for (double v = Math.ceil(x0 / step) * step; v <= x1 + step * 1e-9; v += step)
        {
            final double x = px(v);
            sb.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(top)
                .append("\" y2=\"").append(top + plotHeight()).append("\" stroke=\"#eee\"/>");
            sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(height - 10)
                .append("\" text-anchor=\"middle\" class=\"tick\">").append(String.format(Locale.ROOT, format, v))
                .append("</text>");
        }
        return this;
    }

    Svg hline(final double y, final String color, final String dash, final String title)
    {
        if (y < y0 || y > y1)
        {
            return this;
        }
        sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotWidth()).append("\" y1=\"")
            .append(f(py(y))).append("\" y2=\"").append(f(py(y))).append("\" stroke=\"").append(color)
            .append("\" stroke-dasharray=\"").append(dash).append("\">");
        title(title);
        sb.append("</line>");
        return this;
    }

    Svg vline(final double x, final String color, final String dash)
    {
        sb.append("<line x1=\"").append(f(px(x))).append("\" x2=\"").append(f(px(x))).append("\" y1=\"").append(top)
            .append("\" y2=\"").append(top + plotHeight()).append("\" stroke=\"").append(color)
            .append("\" stroke-dasharray=\"").append(dash).append("\"/>");
        return this;
    }

    /** A polyline through (xs[i], ys[i]); NaN values break the line. */
    Svg line(final double[] xs, final double[] ys, final int n, final String color, final double strokeWidth, final boolean step)
    {
        return line(xs, ys, n, color, strokeWidth, step, null);
    }

    /** As {@link #line}, dashed by {@code dash} (SVG dash array) when not null. */
    Svg line(final double[] xs, final double[] ys, final int n, final String color, final double strokeWidth, final boolean step,
        final String dash)
    {
        boolean open = false;
        double lastY = Double.NaN;
        for (int i = 0; i < n; i++)
        {
            if (ys[i] != ys[i])
            {
                if (open)
                {
                    sb.append("\"/>");
                    open = false;
                }
                continue;
            }
            if (!open)
            {
                sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(strokeWidth)
                    .append(dash == null ? "" : "\" stroke-dasharray=\"" + dash).append("\" points=\"");
                open = true;
            }
            else if (step)
            {
                sb.append(f(px(xs[i]))).append(',').append(f(py(lastY))).append(' ');
            }
            sb.append(f(px(xs[i]))).append(',').append(f(py(ys[i]))).append(' ');
            lastY = ys[i];
        }
        if (open)
        {
            sb.append("\"/>");
        }
        return this;
    }

    /** A marker: circle, up or down triangle; {@code hollow} draws its outline only. */
    Svg marker(final double x, final double y, final String shape, final String color, final boolean hollow, final String title)
    {
        final double cx = px(x);
        final double cy = py(Math.max(y0, Math.min(y1, y)));
        final String fill = hollow ? "none" : color;
        switch (shape)
        {
            case "up":
                sb.append("<polygon points=\"").append(f(cx)).append(',').append(f(cy - 5)).append(' ').append(f(cx - 4.5))
                    .append(',').append(f(cy + 3.5)).append(' ').append(f(cx + 4.5)).append(',').append(f(cy + 3.5)).append('"');
                break;
            case "down":
                sb.append("<polygon points=\"").append(f(cx)).append(',').append(f(cy + 5)).append(' ').append(f(cx - 4.5))
                    .append(',').append(f(cy - 3.5)).append(' ').append(f(cx + 4.5)).append(',').append(f(cy - 3.5)).append('"');
                break;
            default:
                sb.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"2.5\"");
        }
        sb.append(" fill=\"").append(fill).append("\" stroke=\"").append(color).append("\">");
        title(title);
        sb.append(shape.equals("up") || shape.equals("down") ? "</polygon>" : "</circle>");
        return this;
    }

    /** A bar from 0 to {@code y} centred at {@code x}. */
    Svg bar(final double x, final double halfWidth, final double y, final String color, final String title)
    {
        final double a = py(Math.max(0, y));
        final double b = py(Math.min(0, y));
        sb.append("<rect x=\"").append(f(px(x - halfWidth))).append("\" y=\"").append(f(a)).append("\" width=\"")
            .append(f(px(x + halfWidth) - px(x - halfWidth))).append("\" height=\"").append(f(Math.max(0.5, b - a)))
            .append("\" fill=\"").append(color).append("\">");
        title(title);
        sb.append("</rect>");
        return this;
    }

    Svg legend(final String[] names, final String[] colors)
    {
        double x = left + 8;
        for (int i = 0; i < names.length; i++)
        {
            sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(top + 6).append("\" width=\"10\" height=\"3\" fill=\"")
                .append(colors[i]).append("\"/><text x=\"").append(f(x + 14)).append("\" y=\"").append(top + 11)
                .append("\" class=\"tick\">").append(Html.escape(names[i])).append("</text>");
            x += 24 + names[i].length() * 6.5;
        }
        return this;
    }

    private void title(final String title)
    {
        if (title != null)
        {
            sb.append("<title>").append(Html.escape(title)).append("</title>");
        }
    }

    String end()
    {
        sb.append("</svg>");
        return sb.toString();
    }

    static String f(final double v)
    {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String hhmm(final long epochNs)
    {
        final long secondsOfDay = Math.floorMod(Math.floorDiv(epochNs, 1_000_000_000L), 86_400L);
        return String.format(Locale.ROOT, "%02d:%02d", secondsOfDay / 3600, secondsOfDay / 60 % 60);
    }
}
