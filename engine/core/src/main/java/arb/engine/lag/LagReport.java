package arb.engine.lag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lag estimates of a set of market traces, overall and per series: the event study's count,
 * median and quartiles (half and most of each move), the cross-correlation's curve, peak and
 * bootstrap interval, the data's time resolution, and the headline figure; as a JSON-ready map and
 * as console text.
 */
public final class LagReport
{
    private static final double MS = 1e6;

    /** The estimates of one group of markets (one series, or all). */
    public record Group(String name, int markets, List<EventStudy.Event> events, CrossCorrelation.Result ccf)
    {
        double[] lags(final boolean half)
        {
            return events.stream().mapToLong(e -> half ? e.halfLagNs() : e.mostLagNs()).filter(l -> l != Long.MAX_VALUE)
                .mapToDouble(l -> l / MS).sorted().toArray();
        }

        long censored(final boolean half)
        {
            return events.stream().filter(e -> half ? e.halfCensored() : e.mostCensored()).count();
        }
    }

    private final LagSettings settings;
    private final int runs;
    private final int quotes;
    private final double quoteIntervalMs;
    private final double quoteIntervalP90Ms;
    private final Group all;
    private final List<Group> series;

    private LagReport(final LagSettings settings, final int runs, final int quotes, final double quoteIntervalMs,
        final double quoteIntervalP90Ms, final Group all, final List<Group> series)
    {
        this.settings = settings;
        this.runs = runs;
        this.quotes = quotes;
        this.quoteIntervalMs = quoteIntervalMs;
        this.quoteIntervalP90Ms = quoteIntervalP90Ms;
        this.all = all;
        this.series = series;
    }

    public static LagReport of(final List<MarketTrace> traces, final LagSettings settings, final int runs)
    {
        final EventStudy study = new EventStudy(settings);
        final CrossCorrelation ccf = new CrossCorrelation(settings);
        final Map<String, List<MarketTrace>> bySeries = new TreeMap<>();
        final List<EventStudy.Event> events = new ArrayList<>();
        final Map<String, List<EventStudy.Event>> eventsBySeries = new TreeMap<>();
        int quotes = 0;
        final List<Double> intervals = new ArrayList<>();
        for (final MarketTrace t : traces)
        {
            bySeries.computeIfAbsent(t.series(), k -> new ArrayList<>()).add(t);
            final List<EventStudy.Event> e = study.events(t);
            events.addAll(e);
            eventsBySeries.computeIfAbsent(t.series(), k -> new ArrayList<>()).addAll(e);
            quotes += t.quoteCount();
            for (int i = 1; i < t.quoteCount(); i++)
            {
                intervals.add((t.quoteNs(i) - t.quoteNs(i - 1)) / MS);
            }
        }
        final double[] sorted = intervals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        final List<Group> groups = new ArrayList<>();
        for (final Map.Entry<String, List<MarketTrace>> e : bySeries.entrySet())
        {
            groups.add(new Group(e.getKey(), e.getValue().size(), eventsBySeries.get(e.getKey()), ccf.estimate(e.getValue())));
        }
        final Group all = new Group("all", traces.size(), events, ccf.estimate(traces));
        return new LagReport(settings, runs, quotes, Stats.quantileSorted(sorted, 0.5), Stats.quantileSorted(sorted, 0.9), all, groups);
    }

    public Group all()
    {
        return all;
    }

    public List<Group> series()
    {
        return series;
    }

    /** Median time between two Kalshi quotes of a market, ms (NaN without quotes). */
    public double quoteIntervalMs()
    {
        return quoteIntervalMs;
    }

    /**
     * How finely the data can time a lag, ms: the index prints once per second, and a quote can only
     * show a move when it arrives (the median quote interval).
     */
    public long resolutionMs()
    {
        return Math.round(Math.max(1000.0, quoteIntervalMs == quoteIntervalMs ? quoteIntervalMs : 1000.0));
    }

    /** The headline estimate, ms: the event study's median time to half when it has events, else the correlation peak. */
    public double headlineMs()
    {
        final double[] half = all.lags(true);
        if (half.length > 0)
        {
            return Stats.quantileSorted(half, 0.5);
        }
        return all.ccf() == null ? Double.NaN : all.ccf().peakNs() / MS;
    }

    public String headlineMethod()
    {
        if (all.lags(true).length > 0)
        {
            return "event-study-half";
        }
        return all.ccf() == null ? "none" : "cross-correlation-peak";
    }

    /** The JSON object {@code arb lag --json} prints. */
    public Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        final double[] half = all.lags(true);
        m.put("median_ms", round(headlineMs()));
        m.put("p25_ms", half.length > 0 ? round(Stats.quantileSorted(half, 0.25)) : null);
        m.put("p75_ms", half.length > 0 ? round(Stats.quantileSorted(half, 0.75)) : null);
        m.put("events", all.events().size());
        m.put("method", headlineMethod());
        m.put("resolution_ms", resolutionMs());
        m.put("quote_interval_ms", round(quoteIntervalMs));
        m.put("quote_interval_p90_ms", round(quoteIntervalP90Ms));
        m.put("index_interval_ms", 1000);
        m.put("runs", runs);
        m.put("markets", all.markets());
        m.put("quotes", quotes);
        m.put("settings", settingsMap());
        m.put("all", group(all, true));
        final Map<String, Object> s = new LinkedHashMap<>();
        for (final Group g : series)
        {
            s.put(g.name(), group(g, false));
        }
        m.put("series", s);
        return m;
    }

    private Map<String, Object> settingsMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", settings.threshold());
        m.put("move_ms", settings.moveNs() / 1_000_000);
        m.put("quiet_ms", settings.quietNs() / 1_000_000);
        m.put("quiet_fraction", settings.quietFraction());
        m.put("most_fraction", settings.mostFraction());
        m.put("horizon_ms", settings.horizonNs() / 1_000_000);
        m.put("grid_ms", settings.gridNs() / 1_000_000);
        m.put("max_lag_ms", settings.maxLagNs() / 1_000_000);
        m.put("bootstrap", settings.bootstrap());
        return m;
    }

    private static Map<String, Object> group(final Group g, final boolean curve)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("markets", g.markets());
        m.put("events", g.events().size());
        m.put("half", quartiles(g.lags(true), g.censored(true)));
        m.put("most", quartiles(g.lags(false), g.censored(false)));
        final CrossCorrelation.Result c = g.ccf();
        if (c == null)
        {
            m.put("cross_correlation", null);
            return m;
        }
        final Map<String, Object> x = new LinkedHashMap<>();
        x.put("peak_ms", c.peakNs() / 1_000_000);
        x.put("ci95_low_ms", c.lowNs() / 1_000_000);
        x.put("ci95_high_ms", c.highNs() / 1_000_000);
        x.put("peak_correlation", round6(c.peakCorrelation()));
        x.put("markets", c.markets());
        if (curve)
        {
            final List<Object> points = new ArrayList<>();
            for (int k = 0; k < c.curve().length; k++)
            {
                points.add(List.of(c.lagNs(k) / 1_000_000, round6(c.curve()[k])));
            }
            x.put("curve", points);
        }
        m.put("cross_correlation", x);
        return m;
    }

    private static Map<String, Object> quartiles(final double[] sorted, final long censored)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", sorted.length);
        m.put("not_reached", censored);
        m.put("median_ms", sorted.length == 0 ? null : round(Stats.quantileSorted(sorted, 0.5)));
        m.put("p25_ms", sorted.length == 0 ? null : round(Stats.quantileSorted(sorted, 0.25)));
        m.put("p75_ms", sorted.length == 0 ? null : round(Stats.quantileSorted(sorted, 0.75)));
        return m;
    }

    /** The console text of {@code arb lag}. */
    public String text()
    {
        final StringBuilder sb = new StringBuilder(1024);
        sb.append(String.format(Locale.ROOT, "lag: %d run(s), %d markets, %d Kalshi quotes%n", runs, all.markets(), quotes));
        sb.append(String.format(Locale.ROOT,
            "resolution: Kalshi quotes every %s ms (median; 90%% within %s ms), index prints every 1000 ms: lags are timed to about +-%d ms%n",
            fmt(quoteIntervalMs), fmt(quoteIntervalP90Ms), resolutionMs()));
        sb.append(String.format(Locale.ROOT,
            "event study: fair-value moves >= %.3f within %d s after %d s within %.0f%% of the move; time until the Kalshi mid"
                + " covers half / %.0f%% of it, from when the fair value did (horizon %d s)%n",
            settings.threshold(), settings.moveNs() / 1_000_000_000L, settings.quietNs() / 1_000_000_000L,
            settings.quietFraction() * 100, settings.mostFraction() * 100, settings.horizonNs() / 1_000_000_000L));
        sb.append(String.format(Locale.ROOT, "  %-10s %7s %7s | %9s %9s %9s | %9s %9s %9s %8s%n", "series", "markets", "events",
            "half p25", "median", "p75", "most p25", "median", "p75", "not seen"));
        for (final Group g : withAll())
        {
            final double[] h = g.lags(true);
            final double[] mo = g.lags(false);
            sb.append(String.format(Locale.ROOT, "  %-10s %7d %7d | %9s %9s %9s | %9s %9s %9s %8d%n", g.name(), g.markets(),
                g.events().size(), ms(h, 0.25), ms(h, 0.5), ms(h, 0.75), ms(mo, 0.25), ms(mo, 0.5), ms(mo, 0.75), g.censored(false)));
        }
        sb.append(String.format(Locale.ROOT,
            "cross-correlation of %d-s fair-value changes with Kalshi mid changes 0-%d s later (grid %d ms; 95%% interval: "
                + "bootstrap over markets, %d resamples)%n",
            settings.diffNs() / 1_000_000_000L, settings.maxLagNs() / 1_000_000_000L, settings.gridNs() / 1_000_000,
            settings.bootstrap()));
        sb.append(String.format(Locale.ROOT, "  %-10s %9s %19s %11s%n", "series", "peak ms", "95% interval ms", "peak corr"));
        for (final Group g : withAll())
        {
            final CrossCorrelation.Result c = g.ccf();
            if (c == null)
            {
                sb.append(String.format(Locale.ROOT, "  %-10s %9s%n", g.name(), "-"));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  %-10s %9d %19s %11.3f%n", g.name(), c.peakNs() / 1_000_000,
                c.lowNs() / 1_000_000 + " .. " + c.highNs() / 1_000_000, c.peakCorrelation()));
        }
        sb.append(String.format(Locale.ROOT, "lag estimate: %s ms (%s, %d events), +-%d ms resolution%n", fmt(headlineMs()),
            headlineMethod(), all.events().size(), resolutionMs()));
        return sb.toString();
    }

    private List<Group> withAll()
    {
        final List<Group> g = new ArrayList<>(series);
        if (series.size() != 1)
        {
            g.add(all);
        }
        return g;
    }

    private static String ms(final double[] sorted, final double q)
    {
        return sorted.length == 0 ? "-" : fmt(Stats.quantileSorted(sorted, q));
    }

    private static String fmt(final double ms)
    {
        return ms == ms ? Long.toString(Math.round(ms)) : "-";
    }

    private static Long round(final double ms)
    {
        return ms == ms ? Math.round(ms) : null;
    }

    private static Double round6(final double v)
    {
        return Math.round(v * 1e6) / 1e6;
    }

    /** For tests: the sorted event-study lags (half or most), ms. */
    double[] lagsMs(final boolean half)
    {
        return Arrays.copyOf(all.lags(half), all.lags(half).length);
    }
}
