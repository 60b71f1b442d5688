package arb.app.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.engine.results.Decimal;
import arb.engine.results.TradingResults;
import arb.journal.Strategy;

/**
 * A sweep's ranked table: rows by portfolio net PnL (mark-to-market, after fees), best first, ties
 * by point number; written as CSV (every figure) and as a console table that puts each point's
 * trade counts next to its PnL, so a "best" point that made two trades is seen for what it is.
 */
public final class SweepTable
{
    private final List<String> keys;
    private final List<Ranked> ranked = new ArrayList<>();

    /** A row with its summary tree, computed once. */
    private record Ranked(Sweep.Row row, Map<String, Object> summary, long netPnl)
    {
    }

    public SweepTable(final List<String> keys, final List<Sweep.Row> rows)
    {
        this.keys = keys;
        for (final Sweep.Row r : rows)
        {
            final Map<String, Object> s = r.results().summary();
            ranked.add(new Ranked(r, s, ((Decimal)portfolio(s).get("net_pnl")).unscaled()));
        }
        ranked.sort(Comparator.comparingLong((Ranked r) -> -r.netPnl).thenComparingInt(r -> r.row.point()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> portfolio(final Map<String, Object> summary)
    {
        return (Map<String, Object>)summary.get("portfolio");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strategy(final Map<String, Object> summary, final String name)
    {
        final Object m = ((Map<String, Object>)summary.get("strategies")).get(name);
        return m == null ? Map.of() : (Map<String, Object>)m;
    }

    /**
     * The strategies of the sweep's columns, by name: the engine's own and any plugin strategy, as the
     * summaries name them (every point runs the same strategies; plugins are not a sweep axis).
     */
    @SuppressWarnings("unchecked")
    private List<String> strategyNames()
    {
        final List<String> names = new ArrayList<>();
        for (final Strategy s : TradingResults.STRATEGIES)
        {
            names.add(s.name());
        }
        for (final Ranked r : ranked)
        {
            for (final String n : ((Map<String, Object>)r.summary.get("strategies")).keySet())
            {
                if (!names.contains(n))
                {
                    names.add(n);
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Object calibration(final Map<String, Object> summary, final String key)
    {
        return ((Map<String, Object>)summary.get("calibration")).get(key);
    }

    /** The summary tree of the row ranked {@code rank} (0 = best). */
    public Map<String, Object> summary(final int rank)
    {
        return ranked.get(rank).summary;
    }

    public Sweep.Row row(final int rank)
    {
        return ranked.get(rank).row;
    }

    public int size()
    {
        return ranked.size();
    }

    private static final String[] PORTFOLIO_COLUMNS = {"trades", "wins", "win_rate", "net_pnl", "gross_pnl", "fees",
        "max_drawdown", "max_exposure", "avg_edge_at_entry", "orders", "fills", "settled_official", "settled_estimated",
        "open_positions"};

    public String csv()
    {
        final StringBuilder sb = new StringBuilder(4096);
        sb.append("rank,point");
        for (final String k : keys)
        {
            sb.append(',').append(k);
        }
        for (final String c : PORTFOLIO_COLUMNS)
        {
            sb.append(',').append(c);
        }
        for (final String n : strategyNames())
        {
            sb.append(',').append(n).append("_trades,").append(n).append("_net_pnl,").append(n).append("_fees");
        }
        sb.append(",brier,predictions,output_digest\n");
        int rank = 1;
        for (final Ranked r : ranked)
        {
            sb.append(rank++).append(',').append(r.row.point());
            for (final String k : keys)
            {
                sb.append(',').append(csvValue(r.row.overrides().get(k)));
            }
            final Map<String, Object> p = portfolio(r.summary);
            for (final String c : PORTFOLIO_COLUMNS)
            {
                sb.append(',').append(text(p.get(c)));
            }
            for (final String s : strategyNames())
            {
                final Map<String, Object> m = strategy(r.summary, s);
                sb.append(',').append(text(m.get("trades"))).append(',').append(text(m.get("net_pnl")))
                    .append(',').append(text(m.get("fees")));
            }
            sb.append(',').append(text(calibration(r.summary, "brier")))
                .append(',').append(text(calibration(r.summary, "predictions")))
                .append(',').append(r.row.outputDigest().split(" ")[0]).append('\n');
        }
        return sb.toString();
    }

    /** The console table: the best {@code limit} rows. */
    public String console(final int limit)
    {
        final List<String> header = new ArrayList<>();
        header.add("rank");
        header.add("point");
        for (final String k : keys)
        {
            header.add(k.substring(k.lastIndexOf('.') + 1));
        }
        header.add("trades");
        header.add("win%");
        header.add("net");
        header.add("fees");
        header.add("max dd");
        for (final String s : strategyNames())
        {
            header.add(abbreviation(s) + " trades/net");
        }
        final List<List<String>> cells = new ArrayList<>();
        int rank = 1;
        for (final Ranked r : ranked)
        {
            if (rank > limit)
            {
                break;
            }
            final List<String> row = new ArrayList<>();
            row.add(Integer.toString(rank++));
            row.add(Integer.toString(r.row.point()));
            for (final String k : keys)
            {
                row.add(r.row.overrides().get(k));
            }
            final Map<String, Object> p = portfolio(r.summary);
            row.add(text(p.get("trades")));
            final Object winRate = p.get("win_rate");
            row.add(winRate == null ? "-" : String.format(Locale.ROOT, "%.1f", ((Decimal)winRate).doubleValue() * 100));
            row.add(money(p.get("net_pnl")));
            row.add(money(p.get("fees")));
            row.add(money(p.get("max_drawdown")));
            for (final String s : strategyNames())
            {
                final Map<String, Object> m = strategy(r.summary, s);
                row.add(text(m.get("trades")) + "/" + money(m.get("net_pnl")));
            }
            cells.add(row);
        }
        final int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++)
        {
            widths[i] = header.get(i).length();
            for (final List<String> row : cells)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        final StringBuilder sb = new StringBuilder(4096);
        line(sb, header, widths);
        for (final List<String> row : cells)
        {
            line(sb, row, widths);
        }
        if (ranked.size() > limit)
        {
            sb.append("... ").append(ranked.size() - limit).append(" more rows in the CSV\n");
        }
        return sb.toString();
    }

    private static void line(final StringBuilder sb, final List<String> cells, final int[] widths)
    {
        for (int i = 0; i < cells.size(); i++)
        {
            final String c = cells.get(i);
            for (int pad = c.length(); pad < widths[i]; pad++)
            {
                sb.append(' ');
            }
            sb.append(c).append(i + 1 < cells.size() ? "  " : "\n");
        }
    }

    private static String abbreviation(final String s)
    {
        switch (s)
        {
            case "fair_value": return "fv";
            case "flash_crash": return "fc";
            case "momentum": return "mom";
            case "parity": return "par";
            default: return s;
        }
    }

    private static String money(final Object o)
    {
        if (!(o instanceof Decimal))
        {
            return "-";
        }
        final Decimal d = (Decimal)o;
        return String.format(Locale.ROOT, "%.2f", d.doubleValue());
    }

    private static String text(final Object o)
    {
        return o == null ? "" : o.toString();
    }

    private static String csvValue(final String v)
    {
        return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
