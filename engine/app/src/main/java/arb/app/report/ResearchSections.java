package arb.app.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.engine.lag.CrossCorrelation;
import arb.engine.lag.LagReport;
import arb.engine.results.Decimal;

/**
 * Writes the report's research sections: the per-strategy research statistics (as summary.json's
 * {@code research} objects) and Kalshi's repricing lag measured from the input journal, with the
 * cross-correlation curve.
 */
final class ResearchSections
{
    private ResearchSections()
    {
    }

    @SuppressWarnings("unchecked")
    static void statistics(final StringBuilder sb, final Map<String, Object> summary)
    {
        sb.append("<h2>Research statistics</h2><table><tr><th>strategy</th><th>positions</th><th>win rate</th><th>net PnL</th>")
            .append("<th>PnL per position</th><th>95% interval</th><th>profit factor</th><th>Sharpe / day</th>")
            .append("<th>Sortino / day</th><th>max drawdown</th><th>days</th><th>what it can tell</th></tr>");
        final Map<String, Object> strategies = (Map<String, Object>)summary.get("strategies");
        for (final Map.Entry<String, Object> e : strategies.entrySet())
        {
            row(sb, e.getKey(), (Map<String, Object>)((Map<String, Object>)e.getValue()).get("research"));
        }
        row(sb, "<b>portfolio</b>", (Map<String, Object>)((Map<String, Object>)summary.get("portfolio")).get("research"));
        sb.append("</table><p class=\"note\">Over settled positions (one per strategy and market). The interval is a percentile "
            + "bootstrap of the mean PnL per position (2000 resamples, fixed seed); Sharpe and Sortino are the mean daily PnL "
            + "over its standard deviation / downside deviation, across the UTC days the run spans (undefined for one day). "
            + "Profit factor = winning positions' PnL / losing positions' loss.</p>");
        final Map<String, Object> fair = (Map<String, Object>)((Map<String, Object>)strategies.get("fair_value")).get("research");
        final List<Object> days = (List<Object>)fair.get("by_day");
        if (days.size() > 1)
        {
            sb.append("<h3>fair_value per day</h3><table><tr><th>date (UTC)</th><th>positions</th><th>wins</th><th>net PnL</th></tr>");
            for (final Object o : days)
            {
                final Map<String, Object> d = (Map<String, Object>)o;
                sb.append("<tr><td>").append(d.get("date")).append("</td><td>").append(d.get("positions")).append("</td><td>")
                    .append(d.get("wins")).append("</td><td>").append(d.get("net_pnl")).append("</td></tr>");
            }
            sb.append("</table>");
        }
    }

    private static void row(final StringBuilder sb, final String name, final Map<String, Object> r)
    {
        sb.append("<tr><td>").append(name).append("</td><td>").append(r.get("positions")).append("</td><td>")
            .append(r.get("win_rate") == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ((Decimal)r.get("win_rate")).doubleValue() * 100))
            .append("</td>");
        money(sb, r.get("net_pnl"));
        money(sb, r.get("pnl_per_position"));
        sb.append("<td>").append(r.get("pnl_per_position_ci95_low") == null ? "-"
            : "[" + two(r.get("pnl_per_position_ci95_low")) + ", " + two(r.get("pnl_per_position_ci95_high")) + "]").append("</td>");
        sb.append("<td>").append(two(r.get("profit_factor"))).append("</td><td>").append(two(r.get("sharpe_per_day")))
            .append("</td><td>").append(two(r.get("sortino_per_day"))).append("</td>");
        money(sb, r.get("max_drawdown"));
        sb.append("<td>").append(r.get("days")).append("</td><td style=\"text-align:left\">")
            .append(r.get("verdict") == null ? "" : Html.escape(r.get("verdict").toString())).append("</td></tr>");
    }

    private static String two(final Object v)
    {
        return v instanceof Decimal ? String.format(Locale.ROOT, "%.2f", ((Decimal)v).doubleValue()) : "-";
    }

    private static void money(final StringBuilder sb, final Object v)
    {
        final double x = v instanceof Decimal ? ((Decimal)v).doubleValue() : 0;
        sb.append("<td class=\"").append(x < 0 ? "neg" : x > 0 ? "pos" : "").append("\">").append(two(v)).append("</td>");
    }

    /** Kalshi's repricing lag from the input journal; a note when there is none. */
    static void lag(final StringBuilder sb, final LagReport lag)
    {
        sb.append("<h2>Kalshi repricing lag</h2>");
        if (lag == null || lag.all().markets() == 0)
        {
            sb.append("<p class=\"note\">No input journal with Kalshi quotes and index prints: the lag cannot be measured "
                + "(arb lag RUN_DIR on the run that recorded the input).</p>");
            return;
        }
        final Map<String, Object> m = lag.toMap();
        sb.append("<p>Estimate <b>").append(m.get("median_ms") == null ? "-" : m.get("median_ms") + " ms").append("</b> (")
            .append(m.get("method")).append(", ").append(m.get("events")).append(" events; quartiles ")
            .append(m.get("p25_ms") == null ? "-" : m.get("p25_ms")).append(" / ").append(m.get("p75_ms") == null ? "-" : m.get("p75_ms"))
            .append(" ms). Resolution about ±").append(lag.resolutionMs()).append(" ms: Kalshi quotes every ")
            .append(m.get("quote_interval_ms")).append(" ms (median), index prints every 1000 ms.</p>");
        final CrossCorrelation.Result c = lag.all().ccf();
        if (c != null)
        {
            final double[] curve = c.curve();
            double lo = 0;
            double hi = 0;
            final double[] xs = new double[curve.length];
            for (int k = 0; k < curve.length; k++)
            {
                xs[k] = c.lagNs(k) / 1e9;
                lo = Math.min(lo, curve[k]);
                hi = Math.max(hi, curve[k]);
            }
            final Svg svg = new Svg(960, 260, 0, xs[xs.length - 1], lo - 0.05, hi + 0.05).yTicks(4, "%.2f").xTicks(6, "%.0f s");
            svg.hline(0, "#999", "2,2", null);
            svg.line(xs, curve, curve.length, "#1f77b4", 1.4, false);
            svg.vline(c.peakNs() / 1e9, "#d62728", "3,3");
            svg.marker(c.peakNs() / 1e9, c.peakCorrelation(), "circle", "#d62728", false, String.format(Locale.ROOT,
                "peak %d ms (95%% interval %d .. %d ms), correlation %.3f", c.peakNs() / 1_000_000, c.lowNs() / 1_000_000,
                c.highNs() / 1_000_000, c.peakCorrelation()));
            sb.append(svg.end()).append(String.format(Locale.ROOT, "<p class=\"note\">Correlation of 1-s changes of the engine's "
                + "fair value with the Kalshi mid's 1-s changes that many seconds later, over %d markets; peak %d ms, 95%% interval "
                + "%d .. %d ms (bootstrap over markets).</p>", c.markets(), c.peakNs() / 1_000_000, c.lowNs() / 1_000_000,
                c.highNs() / 1_000_000));
        }
        sb.append("<pre>").append(Html.escape(lag.text())).append("</pre>");
    }
}
