package arb.engine.results;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import arb.journal.Strategy;

/**
 * The research statistics of one strategy (or the portfolio) over its settled positions: count,
 * win rate, net PnL, PnL per position with a bootstrap 95% interval, profit factor, Sharpe and
 * Sortino of the daily PnL, maximum drawdown and the per-day breakdown, with a plain statement when
 * the sample is too small to tell anything. Computed from the results at the end of a run, never
 * written to the output journal; deterministic (fixed bootstrap seed).
 */
public final class ResearchStats
{
    /** Fewer settled positions than this and the statistics say nothing. */
    public static final int MIN_POSITIONS = 30;
    static final int BOOTSTRAP = 2000;
    static final long SEED = 0x5EED_2026L;
    private static final double USD = 1e6;

    /** One UTC day: positions that settled in markets closing that day. */
    record Day(LocalDate date, int positions, int wins, long netPnl)
    {
    }

    final int positions;
    final int wins;
    final long netPnl;
    final double perPositionUsd;
    final double ciLowUsd;
    final double ciHighUsd;
    final double profitFactor;
    final double sharpePerDay;
    final double sortinoPerDay;
    final long maxDrawdown;
    final List<Day> days;

    private ResearchStats(final long[] pnls, final List<Day> days, final long maxDrawdown)
    {
        this.positions = pnls.length;
        int w = 0;
        long net = 0;
        long gains = 0;
        long losses = 0;
        for (final long p : pnls)
        {
            net += p;
            if (p > 0)
            {
                w++;
                gains += p;
            }
            else
            {
                losses -= p;
            }
        }
        this.wins = w;
        this.netPnl = net;
        this.perPositionUsd = positions == 0 ? Double.NaN : net / USD / positions;
        this.profitFactor = losses == 0 ? Double.NaN : gains / (double)losses;
        final double[] ci = bootstrapMean(pnls);
        this.ciLowUsd = ci[0];
        this.ciHighUsd = ci[1];
        this.days = days;
        final double[] daily = days.stream().mapToDouble(d -> d.netPnl / USD).toArray();
        this.sharpePerDay = sharpe(daily);
        this.sortinoPerDay = sortino(daily);
        this.maxDrawdown = maxDrawdown;
    }

    /** The statistics of a strategy, or of the portfolio (all strategies' positions) when {@code s} is null. */
    static ResearchStats of(final TradingResults r, final Strategy s)
    {
        return of(r, s, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The statistics over the positions in markets closing in ({@code fromNs}, {@code toNs}] (a period
     * of a walk-forward split); the drawdown is then the period's, on its settled positions in close
     * order. The whole run ({@code Long.MIN_VALUE}, {@code Long.MAX_VALUE}) keeps the mark-to-market
     * equity curve's drawdown.
     */
    static ResearchStats of(final TradingResults r, final Strategy s, final long fromNs, final long toNs)
    {
        final boolean whole = fromNs == Long.MIN_VALUE && toNs == Long.MAX_VALUE;
        final List<MarketRecord> markets = new ArrayList<>(r.markets());
        markets.sort((a, b) -> a.closeNs != b.closeNs ? Long.compare(a.closeNs, b.closeNs) : MarketRecord.compareTickers(a, b));
        final List<Long> pnls = new ArrayList<>();
        final Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        if (r.firstNs() != Long.MIN_VALUE && Math.max(r.firstNs(), fromNs) <= Math.min(r.lastNs(), toNs))
        {
            final LocalDate last = date(Math.min(r.lastNs(), toNs));
            final long first = fromNs == Long.MIN_VALUE ? r.firstNs() : Math.max(r.firstNs(), fromNs + 1);
            for (LocalDate d = date(first); !d.isAfter(last); d = d.plusDays(1))
            {
                byDay.put(d, new long[3]);
            }
        }
        for (final MarketRecord m : markets)
        {
            if (m.closeNs <= fromNs || m.closeNs > toNs)
            {
                continue;
            }
            for (final Strategy x : r.strategies())
            {
                if ((s == null || s.id() == x.id()) && m.closedAny[x.id()])
                {
                    final long pnl = m.closedPnl[x.id()];
                    pnls.add(pnl);
                    final long[] day = byDay.computeIfAbsent(date(m.closeNs), k -> new long[3]);
                    day[0]++;
                    day[1] += pnl > 0 ? 1 : 0;
                    day[2] += pnl;
                }
            }
        }
        final List<Day> days = new ArrayList<>();
        byDay.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> days.add(new Day(e.getKey(), (int)e.getValue()[0], (int)e.getValue()[1], e.getValue()[2])));
        final long[] values = pnls.stream().mapToLong(Long::longValue).toArray();
        final StrategyTally t = s == null ? r.portfolio() : r.strategy(s);
        return new ResearchStats(values, days, whole ? t.maxDrawdown : settledDrawdown(values));
    }

    /** The largest fall of the cumulative PnL of positions in close order. */
    static long settledDrawdown(final long[] pnls)
    {
        long cumulative = 0;
        long peak = 0;
        long worst = 0;
        for (final long p : pnls)
        {
            cumulative += p;
            peak = Math.max(peak, cumulative);
            worst = Math.max(worst, peak - cumulative);
        }
        return worst;
    }

    private static LocalDate date(final long epochNs)
    {
        return LocalDate.ofInstant(java.time.Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L)), ZoneOffset.UTC);
    }

    /** Percentile bootstrap 95% interval of the mean PnL per position, USD; NaN for fewer than two positions. */
    static double[] bootstrapMean(final long[] pnls)
    {
        if (pnls.length < 2)
        {
            return new double[] {Double.NaN, Double.NaN};
        }
        final SplittableRandom random = new SplittableRandom(SEED);
        final double[] means = new double[BOOTSTRAP];
        for (int b = 0; b < BOOTSTRAP; b++)
        {
            long sum = 0;
            for (int i = 0; i < pnls.length; i++)
            {
                sum += pnls[random.nextInt(pnls.length)];
            }
            means[b] = sum / USD / pnls.length;
        }
        Arrays.sort(means);
        return new double[] {means[(int)Math.floor(0.025 * (BOOTSTRAP - 1))], means[(int)Math.ceil(0.975 * (BOOTSTRAP - 1))]};
    }

    /** Mean over sample standard deviation of the daily PnL; NaN for fewer than two days or no variation. */
    static double sharpe(final double[] daily)
    {
        if (daily.length < 2)
        {
            return Double.NaN;
        }
        final double mean = Arrays.stream(daily).sum() / daily.length;
        double ss = 0;
        for (final double d : daily)
        {
            ss += (d - mean) * (d - mean);
        }
        final double sd = Math.sqrt(ss / (daily.length - 1));
        return sd == 0 ? Double.NaN : mean / sd;
    }

    /** Mean over downside deviation (root mean square of the losing days, over all days); NaN without a losing day. */
    static double sortino(final double[] daily)
    {
        if (daily.length < 2)
        {
            return Double.NaN;
        }
        final double mean = Arrays.stream(daily).sum() / daily.length;
        double ss = 0;
        for (final double d : daily)
        {
            ss += d < 0 ? d * d : 0;
        }
        final double dd = Math.sqrt(ss / daily.length);
        return dd == 0 ? Double.NaN : mean / dd;
    }

    /** The plain statement about what the sample can tell; null when it is large enough and the interval excludes zero. */
    String verdict()
    {
        if (positions == 0)
        {
            return "no positions";
        }
        if (positions < MIN_POSITIONS)
        {
            return String.format(Locale.ROOT, "too few positions to tell anything (%d < %d): the result may be chance", positions,
                MIN_POSITIONS);
        }
        if (ciLowUsd <= 0 && ciHighUsd >= 0)
        {
            return "the 95% interval of the PnL per position includes 0: no evidence of an edge either way";
        }
        return null;
    }

    Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("positions", positions);
        m.put("wins", wins);
        m.put("win_rate", positions == 0 ? null : Decimal.ratio6(wins / (double)positions));
        m.put("net_pnl", Decimal.money(netPnl));
        m.put("pnl_per_position", usd6(perPositionUsd));
        m.put("pnl_per_position_ci95_low", usd6(ciLowUsd));
        m.put("pnl_per_position_ci95_high", usd6(ciHighUsd));
        m.put("profit_factor", ratio(profitFactor));
        m.put("sharpe_per_day", ratio(sharpePerDay));
        m.put("sortino_per_day", ratio(sortinoPerDay));
        m.put("days", days.size());
        m.put("max_drawdown", Decimal.money(maxDrawdown));
        m.put("verdict", verdict());
        final List<Object> list = new ArrayList<>();
        for (final Day d : days)
        {
            final Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date.toString());
            day.put("positions", d.positions);
            day.put("wins", d.wins);
            day.put("net_pnl", Decimal.money(d.netPnl));
            list.add(day);
        }
        m.put("by_day", list);
        return m;
    }

    private static Decimal usd6(final double usd)
    {
        return usd == usd ? Decimal.money(Math.round(usd * USD)) : null;
    }

    private static Decimal ratio(final double v)
    {
        return v == v ? Decimal.ratio6(v) : null;
    }

    /** The research table's header line (console). */
    static String header()
    {
        return String.format(Locale.ROOT, "%-12s %5s %6s %10s %9s %21s %6s %8s %9s %9s  %s%n", "research", "pos", "win%", "net",
            "per pos", "95% interval", "PF", "Sharpe/d", "Sortino/d", "max dd", "");
    }

    /** One line of the research table (console). */
    String row(final String name)
    {
        return String.format(Locale.ROOT, "%-12s %5d %6s %10s %9s %21s %6s %8s %9s %9s  %s%n", name, positions,
            positions == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * wins / positions), ResultsSummary.usd(netPnl),
            fmt(perPositionUsd, 2), ciLowUsd == ciLowUsd ? "[" + fmt(ciLowUsd, 2) + ", " + fmt(ciHighUsd, 2) + "]" : "-",
            fmt(profitFactor, 2), fmt(sharpePerDay, 2), fmt(sortinoPerDay, 2), ResultsSummary.usd(maxDrawdown),
            verdict() == null ? "" : verdict());
    }

    private static String fmt(final double v, final int decimals)
    {
        return v == v ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }
}
