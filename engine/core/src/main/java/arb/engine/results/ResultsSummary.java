package arb.engine.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.journal.Scales;
import arb.journal.Strategy;

/**
 * Turns {@link TradingResults} into summary.json's tree and the one-screen console summary. Every
 * value is derived from output events only (no wall clock, no paths), so identical event streams
 * give identical summary.json bytes.
 */
final class ResultsSummary
{
    static final String FORMAT = "arb-results/1";

    private ResultsSummary()
    {
    }

    static Map<String, Object> build(final TradingResults r)
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        final Map<String, Object> span = new LinkedHashMap<>();
        span.put("first_event", r.firstNs() == Long.MIN_VALUE ? null : TradeLog.isoTime(r.firstNs()));
        span.put("last_event", r.lastNs() == Long.MIN_VALUE ? null : TradeLog.isoTime(r.lastNs()));
        span.put("event_seconds", r.firstNs() == Long.MIN_VALUE ? 0 : Decimal.of((r.lastNs() - r.firstNs()) / 1_000_000, 3));
        span.put("output_events", r.outputEvents());
        span.put("index_values", r.indexValues());
        span.put("windows_opened", r.windowsOpened());
        span.put("unmatched_events", r.anomalies());
        root.put("run", span);
        root.put("portfolio", strategy(r.portfolio(), r, null));
        final Map<String, Object> strategies = new LinkedHashMap<>();
        for (final Strategy s : r.strategies())
        {
            strategies.put(TradeLog.name(s), strategy(r.strategy(s), r, s));
        }
        root.put("strategies", strategies);
        root.put("calibration", Calibration.of(r).toMap());
        root.put("windows", windows(r));
        root.put("open_positions", openPositions(r));
        root.put("params", r.params() == null ? null : new LinkedHashMap<>(r.params().asMap()));
        return root;
    }

    private static Map<String, Object> strategy(final StrategyTally t, final TradingResults r, final Strategy s)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        final long net = t.equity();
        m.put("trades", t.positionsSettled);
        m.put("wins", t.wins);
        m.put("losses", t.losses);
        m.put("win_rate", t.positionsSettled == 0 ? null : Decimal.ratio6(t.wins / (double)t.positionsSettled));
        m.put("gross_pnl", Decimal.money(net + t.fees));
        m.put("fees", Decimal.money(t.fees));
        m.put("net_pnl", Decimal.money(net));
        m.put("settled_net_pnl", Decimal.money(t.settledPnl));
        m.put("unsettled_pnl", Decimal.money(net - t.settledPnl));
        m.put("max_drawdown", Decimal.money(t.maxDrawdown));
        m.put("max_drawdown_time", t.maxDrawdownNs == Long.MIN_VALUE ? null : TradeLog.isoTime(t.maxDrawdownNs));
        m.put("peak_equity", Decimal.money(t.peakEquity));
        m.put("avg_edge_at_entry", t.entryQty == 0 ? null
            : Decimal.prob(Math.floorDiv(t.entryEdgeQtySum * 2 + t.entryQty, 2 * t.entryQty)));
        m.put("avg_edge_at_fill", t.fillEdgeQty == 0 ? null
            : Decimal.prob(Math.floorDiv(t.fillEdgeQtySum * 2 + t.fillEdgeQty, 2 * t.fillEdgeQty)));
        m.put("max_exposure", Decimal.money(t.maxExposure));
        m.put("open_exposure", Decimal.money(t.exposure));
        m.put("settled_official", t.settledOfficial);
        m.put("settled_estimated", t.settledEstimated);
        m.put("open_positions", countOpen(r, s));
        m.put("positions_opened", t.positionsOpened);
        m.put("signals", t.signals);
        m.put("entry_signals", t.entrySignals);
        m.put("exit_signals", t.exitSignals);
        m.put("orders", t.orders);
        m.put("buy_orders", t.buyOrders);
        m.put("sell_orders", t.sellOrders);
        m.put("orders_filled", t.ordersFilled);
        m.put("orders_partial", t.ordersPartial);
        m.put("orders_unfilled", t.ordersUnfilled);
        m.put("fills", t.fills);
        m.put("contracts_bought", Decimal.kqty(t.boughtQty));
        m.put("notional_bought", Decimal.money(t.boughtNotional));
        m.put("contracts_sold", Decimal.kqty(t.soldQty));
        m.put("proceeds_sold", Decimal.money(t.soldProceeds));
        m.put("reconcile_mismatches", t.reconcileMismatches);
        m.put("research", ResearchStats.of(r, s).toMap());
        return m;
    }

    private static long countOpen(final TradingResults r, final Strategy s)
    {
        return r.openPositionCount(s);
    }

    private static List<Object> windows(final TradingResults r)
    {
        final List<MarketRecord> sorted = new ArrayList<>(r.markets());
        sorted.sort((a, b) -> a.closeNs != b.closeNs ? Long.compare(a.closeNs, b.closeNs) : MarketRecord.compareTickers(a, b));
        final List<PositionTally> open = r.openPositions();
        final List<Object> list = new ArrayList<>();
        for (final MarketRecord m : sorted)
        {
            final Map<String, Object> w = new LinkedHashMap<>();
            w.put("ticker", m.tickerText());
            w.put("close_time", TradeLog.isoTime(m.closeNs));
            w.put("strike", Decimal.orNull(m.strike, Scales.PRICE_DECIMALS));
            w.put("outcome", TradeLog.resultName(m.outcome));
            w.put("outcome_source", m.outcomeSource.label());
            w.put("settlement_value", Decimal.orNull(m.settlementValue, Scales.PRICE_DECIMALS));
            w.put("engine_estimate", Decimal.orNull(m.engineEstimate, Scales.PRICE_DECIMALS));
            w.put("engine_predicted", TradeLog.resultName(m.enginePredicted));
            w.put("signals", m.signals);
            w.put("predictions", m.predictions);
            final Map<String, Object> pnl = new LinkedHashMap<>();
            long total = 0;
            for (final Strategy s : r.strategies())
            {
                long sum = m.closedPnl[s.id()];
                boolean any = m.closedAny[s.id()];
                for (final PositionTally p : open)
                {
                    if (p.market == m && p.strategy == s)
                    {
                        sum += p.yes.cashFlow + p.no.cashFlow + p.mark;
                        any = true;
                    }
                }
                if (any)
                {
                    pnl.put(TradeLog.name(s), Decimal.money(sum));
                    total += sum;
                }
            }
            w.put("pnl", pnl);
            w.put("net_pnl", Decimal.money(total));
            list.add(w);
        }
        return list;
    }

    private static List<Object> openPositions(final TradingResults r)
    {
        final List<Object> list = new ArrayList<>();
        for (final PositionTally p : r.openPositions())
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", TradeLog.name(p.strategy));
            m.put("ticker", p.market.tickerText());
            m.put("close_time", TradeLog.isoTime(p.market.closeNs));
            m.put("yes_qty", Decimal.kqty(p.yes.qty));
            m.put("no_qty", Decimal.kqty(p.no.qty));
            m.put("cost", Decimal.money(p.cost()));
            m.put("fees", Decimal.money(p.fees()));
            m.put("mark", Decimal.money(p.mark));
            m.put("pnl_marked", Decimal.money(p.yes.cashFlow + p.no.cashFlow + p.mark));
            list.add(m);
        }
        return list;
    }

    // ------------------------------------------------------------------ console

    /** The one-screen summary the commands print. */
    static String console(final TradingResults r)
    {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append(String.format(Locale.ROOT, "%-12s %6s %6s %6s %5s %6s %10s %9s %10s %9s %8s %9s %7s %4s%n",
            "strategy", "orders", "fills", "trades", "wins", "win%", "gross", "fees", "net", "max dd", "edge",
            "max exp", "off/est", "open"));
        for (final Strategy s : r.strategies())
        {
            row(sb, TradeLog.name(s), r.strategy(s), countOpen(r, s));
        }
        row(sb, "portfolio", r.portfolio(), countOpen(r, null));
        sb.append(ResearchStats.header());
        for (final Strategy s : r.strategies())
        {
            sb.append(ResearchStats.of(r, s).row(TradeLog.name(s)));
        }
        sb.append(ResearchStats.of(r, null).row("portfolio"));
        final Calibration c = Calibration.of(r);
        sb.append(String.format(Locale.ROOT, "calibration: %d predictions, %d resolved (%d official, %d estimated)",
            c.predictions, c.all.n, c.bySource[MarketRecord.OutcomeSource.OFFICIAL.ordinal()],
            c.all.n - c.bySource[MarketRecord.OutcomeSource.OFFICIAL.ordinal()]));
        if (c.all.n > 0)
        {
            sb.append(String.format(Locale.ROOT, ": Brier %.4f (climatology %.4f, base rate YES %.2f)", c.brier(),
                c.baseRate() * (1 - c.baseRate()), c.baseRate()));
        }
        sb.append('\n');
        if (c.all.n > 0)
        {
            sb.append("  P(YES) bucket    ");
            for (final Calibration.Bucket b : c.byProbability)
            {
                sb.append(String.format(Locale.ROOT, " %7s", b.label));
            }
            sb.append("\n  n                ");
            for (final Calibration.Bucket b : c.byProbability)
            {
                sb.append(String.format(Locale.ROOT, " %7d", b.n));
            }
            sb.append("\n  observed YES     ");
            for (final Calibration.Bucket b : c.byProbability)
            {
                sb.append(b.n == 0 ? "       -" : String.format(Locale.ROOT, " %7.2f", b.sumY / b.n));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void row(final StringBuilder sb, final String name, final StrategyTally t, final long open)
    {
        final long net = t.equity();
        sb.append(String.format(Locale.ROOT, "%-12s %6d %6d %6d %5d %6s %10s %9s %10s %9s %8s %9s %7s %4d%n",
            name, t.orders, t.fills, t.positionsSettled, t.wins,
            t.positionsSettled == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * t.wins / t.positionsSettled),
            usd(net + t.fees), usd(t.fees), usd(net), usd(t.maxDrawdown),
            t.entryQty == 0 ? "-" : String.format(Locale.ROOT, "%.4f", t.entryEdgeQtySum / (double)t.entryQty / Scales.PROB),
            usd(t.maxExposure), t.settledOfficial + "/" + t.settledEstimated, open));
    }

    static String usd(final long money)
    {
        final StringBuilder sb = new StringBuilder(16);
        if (money < 0)
        {
            sb.append('-');
        }
        Scales.appendDecimal(sb, Scales.rescale(Math.abs(money), Scales.MONEY_DECIMALS, 2), 2);
        return sb.toString();
    }
}
