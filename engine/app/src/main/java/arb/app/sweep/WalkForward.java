package arb.app.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.engine.results.Decimal;
import arb.engine.results.TradingResults;
import arb.journal.Strategy;

/**
 * A walk-forward reading of a sweep: the journals' event time is cut at a fraction F; the points are
 * ranked on the positions in markets that closed in the first part (training) only, and the point
 * ranked first is reported on the markets that closed after the cut (held out), with the same
 * research statistics for both parts. Every point ran over all the data as one account (the
 * held-out part starts with its state warmed up), so the held-out figures are what the chosen
 * parameters would have done after the cut; the choice itself saw nothing after it.
 */
public final class WalkForward
{
    private static final String[] PARTS = {"training", "held_out"};

    /** One point's scores on both parts. */
    private record Scored(Sweep.Row row, Map<String, Object> training, Map<String, Object> heldOut, long trainingNet)
    {
    }

    private final double fraction;
    private final Sweep.Span span;
    private final long cutoffNs;
    private final List<Scored> ranked = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public WalkForward(final double fraction, final Sweep.Span span, final List<Sweep.Row> rows)
    {
        this.fraction = fraction;
        this.span = span;
        this.cutoffNs = span.cutoffNs(fraction);
        for (final Sweep.Row r : rows)
        {
            final Map<String, Object> training = r.results().research(Long.MIN_VALUE, cutoffNs);
            final Map<String, Object> heldOut = r.results().research(cutoffNs, Long.MAX_VALUE);
            final long net = ((Decimal)((Map<String, Object>)training.get("portfolio")).get("net_pnl")).unscaled();
            ranked.add(new Scored(r, training, heldOut, net));
        }
        ranked.sort(Comparator.comparingLong((Scored s) -> -s.trainingNet).thenComparingInt(s -> s.row.point()));
    }

    /** The point chosen on the training part. */
    public Sweep.Row chosen()
    {
        return ranked.get(0).row;
    }

    public long cutoffNs()
    {
        return cutoffNs;
    }

    /** walk-forward.json: the cut, the chosen point with both parts' statistics, and every point's two scores. */
    public Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", fraction);
        m.put("first_event", iso(span.firstNs()));
        m.put("cutoff", iso(cutoffNs));
        m.put("last_event", iso(span.lastNs()));
        m.put("rule", "points ranked by the portfolio's net PnL of positions in markets closing at or before the cutoff; "
            + "the first is reported on markets closing after it");
        final Scored best = ranked.get(0);
        final Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("point", best.row.point());
        chosen.put("params", new LinkedHashMap<>(best.row.overrides()));
        chosen.put("training", best.training);
        chosen.put("held_out", best.heldOut);
        m.put("chosen", chosen);
        final List<Object> points = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++)
        {
            final Scored s = ranked.get(i);
            final Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", i + 1);
            p.put("point", s.row.point());
            p.put("params", new LinkedHashMap<>(s.row.overrides()));
            p.put("training", brief(s.training));
            p.put("held_out", brief(s.heldOut));
            points.add(p);
        }
        m.put("points", points);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> brief(final Map<String, Object> research)
    {
        final Map<String, Object> p = (Map<String, Object>)research.get("portfolio");
        final Map<String, Object> b = new LinkedHashMap<>();
        for (final String k : new String[] {"positions", "net_pnl", "pnl_per_position", "pnl_per_position_ci95_low",
            "pnl_per_position_ci95_high"})
        {
            b.put(k, p.get(k));
        }
        return b;
    }

    /** The console section: the ranking on training with held-out beside it, then the chosen point's statistics. */
    @SuppressWarnings("unchecked")
    public String console(final int top)
    {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append(String.format(Locale.ROOT, "walk-forward: split %.2f at %s (events %s .. %s); ranked on markets closing "
            + "before the cut, reported on those after%n", fraction, iso(cutoffNs), iso(span.firstNs()), iso(span.lastNs())));
        sb.append(String.format(Locale.ROOT, "%4s %6s  %9s %11s  %9s %11s  %s%n", "rank", "point", "train pos", "train net",
            "held pos", "held net", "params"));
        for (int i = 0; i < Math.min(top, ranked.size()); i++)
        {
            final Scored s = ranked.get(i);
            final Map<String, Object> t = (Map<String, Object>)s.training.get("portfolio");
            final Map<String, Object> h = (Map<String, Object>)s.heldOut.get("portfolio");
            sb.append(String.format(Locale.ROOT, "%4d %6d  %9s %11s  %9s %11s  %s%n", i + 1, s.row.point(), t.get("positions"),
                two(t.get("net_pnl")), h.get("positions"), two(h.get("net_pnl")), s.row.overrides()));
        }
        final Sweep.Row chosen = chosen();
        sb.append("chosen on training: point ").append(chosen.point()).append(' ').append(chosen.overrides()).append('\n');
        final long[][] bounds = {{Long.MIN_VALUE, cutoffNs}, {cutoffNs, Long.MAX_VALUE}};
        for (int part = 0; part < 2; part++)
        {
            sb.append(PARTS[part]).append(":\n").append(TradingResults.researchHeader());
            for (final Strategy s : chosen.results().strategies())
            {
                sb.append(chosen.results().researchRow(s.name(), s, bounds[part][0], bounds[part][1]));
            }
            sb.append(chosen.results().researchRow("portfolio", null, bounds[part][0], bounds[part][1]));
        }
        return sb.toString();
    }

    private static String two(final Object v)
    {
        return v instanceof Decimal ? String.format(Locale.ROOT, "%.2f", ((Decimal)v).doubleValue()) : "-";
    }

    private static String iso(final long ns)
    {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }
}
