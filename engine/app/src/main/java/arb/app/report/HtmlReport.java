package arb.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.engine.results.Decimal;
import arb.journal.Scales;
import arb.sbe.MarketResult;

/**
 * Writes a run's report as one self-contained HTML file: inline CSS and inline SVG, no scripts, no
 * fonts or libraries from anywhere, so it opens offline and can be mailed. Sections: the summary
 * tables (per strategy and portfolio, as summary.json), the research statistics, the equity curve
 * per strategy, the fair value's calibration (reliability diagram and tables), Kalshi's repricing
 * lag, feed quality and latency (runs recorded from feeds), PnL per window, then per window the index
 * against the strike above the Kalshi-implied probability with the model's fair values and every
 * fill (fills are drawn on the probability panel, in YES terms), and the per-window outcomes table.
 * A table of contents links the sections; hovering a marker shows its numbers.
 */
public final class HtmlReport
{
    /** Windows drawn as charts (the most recent with trading activity); the table lists them all. */
    static final int MAX_WINDOW_CHARTS = 48;
    private static final String TOC_MARK = "<!--contents-->";
    private static final int WIDE = 960;

    private HtmlReport()
    {
    }

    /** Reads {@code runDir} and writes the report to {@code file}; returns the file. */
    public static Path write(final Path runDir, final Path file)
    {
        return write(runDir, file, null);
    }

    /**
     * As {@link #write(Path, Path)}, also appending the run's one-screen strategy summary to
     * {@code summaryOut} when it is not null.
     */
    public static Path write(final Path runDir, final Path file, final StringBuilder summaryOut)
    {
        final ReportData d = ReportData.read(runDir);
        if (summaryOut != null)
        {
            summaryOut.append(d.results.consoleSummary());
        }
        final String html = render(runDir, d);
        try
        {
            if (file.getParent() != null)
            {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    static String render(final Path runDir, final ReportData d)
    {
        final StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>arb report: ")
            .append(Html.escape(runDir.getFileName() == null ? runDir.toString() : runDir.getFileName().toString()))
            .append("</title><style>")
            .append("body{font:13px/1.4 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:20px;color:#222;max-width:1000px}")
            .append("h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #ddd}h3{font-size:14px;margin:18px 0 4px}")
            .append("table{border-collapse:collapse;margin:6px 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}")
            .append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}.neg{color:#b00}.pos{color:#070}")
            .append(".tick{font-size:10px;fill:#555}.note{color:#666;font-size:12px}svg.chart{display:block;margin:4px 0}")
            .append("nav.toc{background:#f8f8f8;border:1px solid #e4e4e4;padding:6px 12px;display:inline-block}")
            .append("nav.toc ol{margin:4px 0 0 18px;padding:0}pre{font-size:11px;background:#f8f8f8;padding:6px}")
            .append("</style></head><body>");
        final Map<String, Object> run = (Map<String, Object>)d.summary.get("run");
        sb.append("<h1>arb run report</h1><p>").append(Html.escape(runDir.toAbsolutePath().toString())).append("<br>")
            .append("<span class=\"note\">").append(Html.escape(d.runInfo)).append("<br>events ")
            .append(run.get("first_event")).append(" to ").append(run.get("last_event")).append(" · ")
            .append(run.get("output_events")).append(" output events · Kalshi quotes from ")
            .append(d.inputJournal == null ? "(input journal not found: probability charts show the model only)"
                : Html.escape(d.inputJournal))
            .append("</span></p>").append(TOC_MARK);

        strategyTable(sb, d);
        ResearchSections.statistics(sb, d.summary);
        equityChart(sb, d);
        calibration(sb, (Map<String, Object>)d.summary.get("calibration"));
        ResearchSections.lag(sb, d.lag);
        if (d.inputJournal != null && FeedQualitySection.applies(Path.of(d.inputJournal)))
        {
            FeedQualitySection.write(sb, Path.of(d.inputJournal));
        }
        windowPnl(sb, d);
        windowCharts(sb, d);
        outcomesTable(sb, d);
        sb.append("<p class=\"note\">Generated by arb report from the run's output journal")
            .append(d.inputJournal == null ? "" : " and input journal")
            .append("; numbers equal summary.json (same code path). Money in USD; PnL after fees, positions marked at the bid.</p>");
        sb.append("</body></html>\n");
        return withContents(sb);
    }

    /** Gives every section heading an anchor and puts a table of contents where {@link #TOC_MARK} stands. */
    static String withContents(final CharSequence html)
    {
        final StringBuilder out = new StringBuilder(html.length() + 2048);
        final StringBuilder toc = new StringBuilder("<nav class=\"toc\"><b>Contents</b><ol>");
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h2>(.*?)</h2>").matcher(html);
        int at = 0;
        int n = 0;
        while (m.find())
        {
            n++;
            out.append(html, at, m.start()).append("<h2 id=\"s").append(n).append("\">").append(m.group(1)).append("</h2>");
            toc.append("<li><a href=\"#s").append(n).append("\">").append(m.group(1).replaceAll("<[^>]*>", ""))
                .append("</a></li>");
            at = m.end();
        }
        out.append(html, at, html.length());
        toc.append("</ol></nav>");
        final int mark = out.indexOf(TOC_MARK);
        if (mark >= 0)
        {
            out.replace(mark, mark + TOC_MARK.length(), toc.toString());
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void strategyTable(final StringBuilder sb, final ReportData d)
    {
        sb.append("<h2>Strategies</h2><table><tr><th>strategy</th><th>orders</th><th>fills</th><th>trades</th><th>wins</th>")
            .append("<th>win rate</th><th>gross PnL</th><th>fees</th><th>net PnL</th><th>max drawdown</th>")
            .append("<th>avg edge at entry</th><th>max exposure</th><th>settled official / estimated</th><th>open</th></tr>");
        final Map<String, Object> strategies = (Map<String, Object>)d.summary.get("strategies");
        for (final Map.Entry<String, Object> e : strategies.entrySet())
        {
            strategyRow(sb, e.getKey(), (Map<String, Object>)e.getValue());
        }
        strategyRow(sb, "<b>portfolio</b>", (Map<String, Object>)d.summary.get("portfolio"));
        sb.append("</table><p class=\"note\">A trade is one strategy's position in one market, from its first fill to its "
            + "settlement; a win is a position whose PnL after fees is positive. Net PnL = settled PnL + open positions at "
            + "their last mark; gross = net + fees. Drawdown on the mark-to-market equity curve.</p>");
    }

    private static void strategyRow(final StringBuilder sb, final String name, final Map<String, Object> m)
    {
        sb.append("<tr><td>").append(name).append("</td>");
        cell(sb, m.get("orders"));
        cell(sb, m.get("fills"));
        cell(sb, m.get("trades"));
        cell(sb, m.get("wins"));
        final Object winRate = m.get("win_rate");
        sb.append("<td>").append(winRate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ((Decimal)winRate).doubleValue() * 100))
            .append("</td>");
        money(sb, m.get("gross_pnl"));
        money(sb, m.get("fees"));
        money(sb, m.get("net_pnl"));
        amount(sb, m.get("max_drawdown"));
        cell(sb, m.get("avg_edge_at_entry"));
        amount(sb, m.get("max_exposure"));
        sb.append("<td>").append(m.get("settled_official")).append(" / ").append(m.get("settled_estimated")).append("</td>");
        cell(sb, m.get("open_positions"));
        sb.append("</tr>");
    }

    private static void cell(final StringBuilder sb, final Object v)
    {
        sb.append("<td>").append(v == null ? "-" : Html.escape(v.toString())).append("</td>");
    }

    private static void money(final StringBuilder sb, final Object v)
    {
        if (!(v instanceof Decimal))
        {
            sb.append("<td>-</td>");
            return;
        }
        final double x = ((Decimal)v).doubleValue();
        sb.append("<td class=\"").append(x < 0 ? "neg" : x > 0 ? "pos" : "").append("\">")
            .append(String.format(Locale.ROOT, "%.2f", x)).append("</td>");
    }

    /** A money amount that is a size, not a gain or loss (drawdown, exposure): never coloured by sign. */
    private static void amount(final StringBuilder sb, final Object v)
    {
        sb.append("<td>").append(v instanceof Decimal ? String.format(Locale.ROOT, "%.2f", ((Decimal)v).doubleValue()) : "-")
            .append("</td>");
    }

    /** PnL per strategy as text for a tooltip: "fair_value +11.89, flash_crash -2.23". */
    static String pnlText(final Map<String, Object> pnl)
    {
        final StringBuilder t = new StringBuilder();
        for (final Map.Entry<String, Object> e : pnl.entrySet())
        {
            final double v = e.getValue() instanceof Decimal ? ((Decimal)e.getValue()).doubleValue()
                : Double.parseDouble(String.valueOf(e.getValue()));
            t.append(t.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%+.2f", v));
        }
        return t.length() == 0 ? "no positions" : t.toString();
    }

    /** A window's outcome for a tooltip: "YES (official)", or "no outcome yet". */
    static String outcomeText(final Object outcome, final Object source)
    {
        if (outcome == null || "none".equals(String.valueOf(outcome)))
        {
            return "no outcome yet";
        }
        return outcome + (source == null || "none".equals(String.valueOf(source)) ? "" : " (" + source + ")");
    }

    private static void equityChart(final StringBuilder sb, final ReportData d)
    {
        sb.append("<h2>Equity curve</h2>");
        final int n = d.equity.size();
        if (n == 0)
        {
            sb.append("<p class=\"note\">No trading activity: the equity stayed at 0.</p>");
            return;
        }
        final int columns = d.equity.columns();
        final List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < columns; c++)
        {
            boolean moved = false;
            for (int i = 0; i < n && !moved; i++)
            {
                moved = d.equity.equity(i, c) != 0;
            }
            if (moved)
            {
                shown.add(c);
            }
        }
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++)
        {
            for (final int c : shown)
            {
                final double v = d.equity.equity(i, c) / 1e6;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        final double pad = Math.max(1, (hi - lo) * 0.05);
        final long t0 = d.indexCount > 0 ? Math.min(d.indexT[0], d.equity.timeNs(0)) : d.equity.timeNs(0);
        final long t1 = d.indexCount > 0 ? Math.max(d.indexT[d.indexCount - 1], d.equity.timeNs(n - 1)) : d.equity.timeNs(n - 1);
        final Svg svg = new Svg(WIDE, 300, t0, t1, lo - pad, hi + pad).yTicks(5, "%.0f").timeTicks(8);
        svg.hline(0, "#999", "2,2", null);
        final String[] names = new String[shown.size()];
        final String[] colors = new String[shown.size()];
        // The portfolio first, wide and light, then each strategy on top: with one active strategy
        // the two lines coincide and the strategy's must stay visible.
        final List<Integer> order = new ArrayList<>(shown);
        order.sort((a, b) -> Boolean.compare(b == columns - 1, a == columns - 1));
        for (final int c : order)
        {
            final int k = shown.indexOf(c);
            final boolean portfolio = c == columns - 1;
            names[k] = portfolio ? "portfolio" : d.strategies[c].name();
            colors[k] = portfolio ? "#bbb" : Svg.PALETTE[c % Svg.PALETTE.length];
            final double[] xs = new double[n + 1];
            final double[] ys = new double[n + 1];
            for (int i = 0; i < n; i++)
            {
                xs[i] = d.equity.timeNs(i);
                ys[i] = d.equity.equity(i, c) / 1e6;
            }
            xs[n] = t1;
            ys[n] = ys[n - 1];
            svg.line(xs, ys, n + 1, colors[k], portfolio ? 4 : 1.3, true, portfolio ? "6,3" : null);
        }
        svg.legend(names, colors);
        sb.append(svg.end()).append("<p class=\"note\">Mark-to-market equity (USD) per strategy: cash from fills, fees and "
            + "payouts plus open positions at their last mark (bid). The portfolio (wide, dashed, grey) is the sum.</p>");
    }

    @SuppressWarnings("unchecked")
    private static void calibration(final StringBuilder sb, final Map<String, Object> c)
    {
        sb.append("<h2>Fair value calibration</h2>");
        sb.append("<p>").append(c.get("predictions")).append(" predictions (P(YES) at each signal), ").append(c.get("resolved"))
            .append(" with an outcome ").append(Html.escape(String.valueOf(c.get("outcome_sources"))))
            .append("; Brier score <b>").append(c.get("brier") == null ? "-" : c.get("brier")).append("</b> (climatology ")
            .append(c.get("brier_climatology") == null ? "-" : c.get("brier_climatology")).append(", skill ")
            .append(c.get("brier_skill") == null ? "-" : c.get("brier_skill")).append(").</p>");
        final List<Object> probs = (List<Object>)c.get("by_probability");
        final Svg svg = new Svg(360, 320, 0, 1, 0, 1).yTicks(5, "%.1f").xTicks(5, "%.1f");
        final double[] diag = {0, 1};
        svg.line(diag, diag, 2, "#aaa", 1, false);
        for (final Object o : probs)
        {
            final Map<String, Object> b = (Map<String, Object>)o;
            if (b.get("mean_predicted") == null)
            {
                continue;
            }
            final double x = ((Decimal)b.get("mean_predicted")).doubleValue();
            final double y = ((Decimal)b.get("observed_yes")).doubleValue();
            svg.marker(x, y, "circle", "#1f77b4", false, "P(YES) " + b.get("bucket") + ": n " + b.get("n")
                + ", mean predicted " + b.get("mean_predicted") + ", observed " + b.get("observed_yes"));
        }
        sb.append("<div style=\"display:flex;gap:24px;align-items:flex-start\"><div>").append(svg.end())
            .append("<p class=\"note\">Reliability: observed YES rate against mean predicted P(YES) per decile.</p></div><div>");
        bucketTable(sb, "P(YES)", probs);
        bucketTable(sb, "time to close", (List<Object>)c.get("by_time_to_close"));
        sb.append("</div></div><p class=\"note\">Signals are emitted where a strategy wanted to trade, so this measures the "
            + "model where it disagreed with Kalshi, not over every market and moment.</p>");
    }

    @SuppressWarnings("unchecked")
    private static void bucketTable(final StringBuilder sb, final String title, final List<Object> buckets)
    {
        sb.append("<table><tr><th>").append(title).append("</th><th>n</th><th>mean P(YES)</th><th>observed YES</th><th>Brier</th></tr>");
        for (final Object o : buckets)
        {
            final Map<String, Object> b = (Map<String, Object>)o;
            sb.append("<tr><td>").append(b.get("bucket")).append("</td>");
            cell(sb, b.get("n"));
            cell(sb, b.get("mean_predicted"));
            cell(sb, b.get("observed_yes"));
            cell(sb, b.get("brier"));
            sb.append("</tr>");
        }
        sb.append("</table>");
    }

    @SuppressWarnings("unchecked")
    private static void windowPnl(final StringBuilder sb, final ReportData d)
    {
        final List<Object> windows = (List<Object>)d.summary.get("windows");
        sb.append("<h2>PnL per window</h2>");
        final List<Map<String, Object>> traded = new ArrayList<>();
        for (final Object o : windows)
        {
            final Map<String, Object> w = (Map<String, Object>)o;
            if (!((Map<String, Object>)w.get("pnl")).isEmpty())
            {
                traded.add(w);
            }
        }
        if (traded.isEmpty())
        {
            sb.append("<p class=\"note\">No positions.</p>");
            return;
        }
        double lo = 0;
        double hi = 0;
        for (final Map<String, Object> w : traded)
        {
            final double v = ((Decimal)w.get("net_pnl")).doubleValue();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        final double pad = Math.max(1, (hi - lo) * 0.05);
        final Svg svg = new Svg(WIDE, 220, -0.5, traded.size() - 0.5, lo - pad, hi + pad).yTicks(4, "%.0f");
        svg.hline(0, "#999", "2,2", null);
        final int every = Math.max(1, (int)Math.ceil(traded.size() / 12.0));
        final List<Double> labelX = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        for (int i = 0; i < traded.size(); i++)
        {
            final Map<String, Object> w = traded.get(i);
            final double v = ((Decimal)w.get("net_pnl")).doubleValue();
            final String close = String.valueOf(w.get("close_time"));
            svg.bar(i, 0.35, v, v >= 0 ? "#2ca02c" : "#d62728", w.get("ticker") + ", closed " + close + ": "
                + outcomeText(w.get("outcome"), w.get("outcome_source")) + "; net "
                + String.format(Locale.ROOT, "%+.2f", v) + " (" + pnlText((Map<String, Object>)w.get("pnl")) + ")");
            if (i % every == 0)
            {
                labelX.add((double)i);
                labels.add(close.length() >= 16 ? close.substring(5, 10) + " " + close.substring(11, 16) : close);
            }
        }
        svg.xLabels(labelX.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(new String[0]));
        sb.append(svg.end()).append("<p class=\"note\">Net PnL of every strategy per window with positions, in close order, "
            + "labelled with the window's close (MM-DD HH:MM UTC")
            .append(every > 1 ? ", every " + every + "th window" : "")
            .append("); hover a bar for the window, its outcome and the PnL per strategy.</p>");
    }

    @SuppressWarnings("unchecked")
    private static void windowCharts(final StringBuilder sb, final ReportData d)
    {
        sb.append("<h2>Windows: index vs Kalshi-implied probability, fills</h2>");
        final List<ReportData.Window> active = new ArrayList<>();
        for (final ReportData.Window w : d.windows.values())
        {
            if (!w.signals.isEmpty() || !w.fills.isEmpty())
            {
                active.add(w);
            }
        }
        if (active.isEmpty())
        {
            sb.append("<p class=\"note\">No window had signals or fills.</p>");
            return;
        }
        final int from = Math.max(0, active.size() - MAX_WINDOW_CHARTS);
        if (from > 0)
        {
            sb.append("<p class=\"note\">").append(active.size()).append(" windows had activity; the last ")
                .append(MAX_WINDOW_CHARTS).append(" are drawn, every window is in the table below.</p>");
        }
        sb.append("<p class=\"note\">Top: the engine's index (USD, per second) and the strike (dashed). Bottom: Kalshi-implied "
            + "P(YES) (mid, grey), the model's P(YES) at each signal (blue dots), fills in YES terms (a NO bought at p is "
            + "drawn at 1 - p): filled triangles are buys, hollow ones sells, up = YES, down = NO.</p>");
        for (int k = from; k < active.size(); k++)
        {
            final ReportData.Window w = active.get(k);
            final long open = w.openOrGuess();
            final long end = w.closeNs + 5_000_000_000L;
            sb.append("<h3>").append(Html.escape(w.ticker)).append(" · close ").append(Svg.hhmm(w.closeNs)).append(" UTC");
            if (w.strike != Scales.NULL)
            {
                sb.append(" · strike ").append(String.format(Locale.ROOT, "%.2f", w.strike / 1e8));
            }
            if (w.result != MarketResult.NONE)
            {
                sb.append(" · result ").append(w.result);
                if (w.expirationValue != Scales.NULL)
                {
                    sb.append(" (").append(String.format(Locale.ROOT, "%.2f", w.expirationValue / 1e8)).append(')');
                }
            }
            sb.append("</h3>");
            indexPanel(sb, d, w, open, end);
            probabilityPanel(sb, d, w, open, end);
        }
    }

    private static void indexPanel(final StringBuilder sb, final ReportData d, final ReportData.Window w, final long open, final long end)
    {
        int first = -1;
        int last = -1;
        for (int i = 0; i < d.indexCount; i++)
        {
            if (d.indexT[i] >= open && d.indexT[i] <= end)
            {
                if (first < 0)
                {
                    first = i;
                }
                last = i;
            }
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = first; first >= 0 && i <= last; i++)
        {
            lo = Math.min(lo, d.indexV[i] / 1e8);
            hi = Math.max(hi, d.indexV[i] / 1e8);
        }
        if (w.strike != Scales.NULL)
        {
            lo = Math.min(lo, w.strike / 1e8);
            hi = Math.max(hi, w.strike / 1e8);
        }
        if (lo > hi)
        {
            sb.append("<p class=\"note\">No index values in this window.</p>");
            return;
        }
        final double pad = Math.max(5, (hi - lo) * 0.08);
        final Svg svg = new Svg(WIDE, 170, open, end, lo - pad, hi + pad).yTicks(3, "%.0f").timeTicks(6);
        if (first >= 0)
        {
            final int n = last - first + 1;
            final double[] xs = new double[n];
            final double[] ys = new double[n];
            for (int i = 0; i < n; i++)
            {
                xs[i] = d.indexT[first + i];
                ys[i] = d.indexV[first + i] / 1e8;
            }
            svg.line(xs, ys, n, "#1f77b4", 1.1, false);
        }
        if (w.strike != Scales.NULL)
        {
            svg.hline(w.strike / 1e8, "#d62728", "5,3", "strike " + String.format(Locale.ROOT, "%.2f", w.strike / 1e8));
        }
        svg.vline(w.closeNs - 60_000_000_000L, "#bbb", "2,2").vline(w.closeNs, "#888", "2,2");
        sb.append(svg.end());
    }

    private static void probabilityPanel(final StringBuilder sb, final ReportData d, final ReportData.Window w, final long open, final long end)
    {
        final Svg svg = new Svg(WIDE, 190, open, end, 0, 1).yTicks(4, "%.2f").timeTicks(6);
        if (w.quotes > 0)
        {
            final double[] xs = new double[w.quotes];
            for (int i = 0; i < w.quotes; i++)
            {
                xs[i] = w.quoteT[i];
            }
            svg.line(xs, w.quoteP, w.quotes, "#999", 1.2, true);
        }
        for (final ReportData.Mark m : w.signals)
        {
            if (m.fairValue() == m.fairValue())
            {
                svg.marker(m.timeNs(), m.fairValue(), "circle", "#1f77b4", false, m.text());
            }
        }
        for (final ReportData.Mark m : w.fills)
        {
            final double yesPrice = m.yes() ? m.price() : 1 - m.price();
            final int color = d.colorOf(m.strategy());
            svg.marker(m.timeNs(), yesPrice, m.yes() ? "up" : "down", Svg.PALETTE[color % Svg.PALETTE.length], !m.buy(), m.text());
        }
        svg.vline(w.closeNs, "#888", "2,2");
        sb.append(svg.end());
    }

    @SuppressWarnings("unchecked")
    private static void outcomesTable(final StringBuilder sb, final ReportData d)
    {
        sb.append("<h2>Per-window outcomes</h2><table><tr><th>window</th><th>close (UTC)</th><th>strike</th>")
            .append("<th>settlement value</th><th>result</th><th>source</th><th>signals</th><th>PnL per strategy</th>")
            .append("<th>net PnL</th></tr>");
        final Map<String, Map<String, Object>> fromSummary = new java.util.HashMap<>();
        for (final Object o : (List<Object>)d.summary.get("windows"))
        {
            final Map<String, Object> w = (Map<String, Object>)o;
            fromSummary.put(w.get("ticker") + "|" + w.get("close_time"), w);
        }
        for (final ReportData.Window w : d.windows.values())
        {
            final String closeIso = java.time.Instant.ofEpochSecond(Math.floorDiv(w.closeNs, 1_000_000_000L),
                Math.floorMod(w.closeNs, 1_000_000_000L)).toString();
            final Map<String, Object> s = fromSummary.get(w.ticker + "|" + closeIso);
            sb.append("<tr><td>").append(Html.escape(w.ticker)).append("</td><td>").append(closeIso).append("</td>");
            final long strike = w.strike != Scales.NULL ? w.strike
                : s != null && s.get("strike") != null ? ((Decimal)s.get("strike")).unscaled() : Scales.NULL;
            sb.append("<td>").append(strike == Scales.NULL ? "-" : String.format(Locale.ROOT, "%.2f", strike / 1e8)).append("</td>");
            String result = "-";
            String source = "-";
            String value = "-";
            if (w.result != MarketResult.NONE)
            {
                result = w.result.name().toLowerCase(Locale.ROOT);
                source = "official (input)";
                value = w.expirationValue == Scales.NULL ? "-" : String.format(Locale.ROOT, "%.2f", w.expirationValue / 1e8);
            }
            else if (s != null && !"none".equals(s.get("outcome")))
            {
                result = String.valueOf(s.get("outcome"));
                source = String.valueOf(s.get("outcome_source"));
                value = s.get("settlement_value") == null ? "-" : s.get("settlement_value").toString();
            }
            sb.append("<td>").append(value).append("</td><td>").append(result).append("</td><td>").append(source).append("</td>");
            sb.append("<td>").append(w.signals.size()).append("</td>");
            if (s != null && !((Map<String, Object>)s.get("pnl")).isEmpty())
            {
                sb.append("<td>").append(Html.escape(pnlText((Map<String, Object>)s.get("pnl")))).append("</td>");
                money(sb, s.get("net_pnl"));
            }
            else
            {
                sb.append("<td>-</td><td>-</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table>");
    }
}
