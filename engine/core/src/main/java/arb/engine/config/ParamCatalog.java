package arb.engine.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import arb.market.config.Range;

/**
 * Every logic parameter the engine knows, with its default. Logic parameters (index, strategy and
 * broker settings) are part of a run's result: they are journaled and can be overridden on replay.
 * This is the only place their defaults are written: each stage reads them into an immutable
 * {@code XxxSettings.from(Params)}. Environment settings (endpoints, timeouts, wait strategy) are NOT
 * here: they must never change an output, and are catalogued in {@code arb.feeds.FeedsEnvCatalog}
 * and {@code arb.app.live.LiveEnvCatalog} ({@code arb params --env}).
 */
public final class ParamCatalog
{
    private static final Map<String, ParamSpec> SPECS = new TreeMap<>();

    static
    {
        // ---- index
        define("index.method", "cf-rti",
            "Index the strategies trade on: weighted-last (the original 35/25/20/20 last-trade proxy) or cf-rti");
        define("index.weightedLast.weights", "coinbase:0.35,kraken:0.25,bitstamp:0.20,binanceus:0.20",
            "Weights of the weighted-last proxy per venue (renormalised over the venues not stale)");
        define("index.weightedLast.staleMs", "10000",
            "A venue whose last trade is older than this (ms of event time) is left out of the weighted-last proxy; "
                + "0 never leaves one out (the original's behaviour)");
        define("index.weightedLast.excludeUsdt", "false",
            "Leave USDT-quoted venues out of the weighted-last proxy (the original used Binance.US's USDT price as USD)");
        define("index.cfrti.venues", "coinbase,kraken,bitstamp,binanceus",
            "Venues whose books the cf-rti index may use (USDT-quoted ones still need index.cfrti.excludeUsdt=false)");
        define("index.cfrti.excludeUsdt", "true", "Leave venues whose BTC pair is quoted in USDT out of the cf-rti index");
        define("index.cfrti.calcIntervalMs", "200",
            "cf-rti calculation period in event time (must divide 1000); the per-second print is the calculation at the second");
        define("index.cfrti.staleMs", "10000", "A book not updated for longer than this before a calculation is delayed and dropped");
        define("index.cfrti.erroneousThreshold", "0.05",
            "A venue whose mid deviates more than this fraction from the median mid of the other valid, non-outlying venues is dropped");
        define("index.cfrti.reincludeFraction", "0.5",
            "A dropped (potentially erroneous) venue returns when its deviation is below this fraction of the threshold");
        define("index.cfrti.capEnabled", "true", "Apply the dynamic order size cap C_T (false only to measure its effect)");
        define("index.cfrti.capBand", "0.05", "Order size cap sample: orders within this fraction of the best bid/ask");
        define("index.cfrti.capMinOrders", "50", "Order size cap sample: at least this many orders per side, going deeper if needed");
        define("index.cfrti.capTrim", "0.01", "Order size cap: fraction trimmed (and winsorized) at each end of the sample");
        define("index.cfrti.capStdDevs", "5", "C_T = trimmed mean + this many winsorized standard deviations");
        define("index.cfrti.spacingBtc", "1", "Spacing s of the price-volume grid, in BTC");
        define("index.cfrti.maxMidSpread", "0.005", "D: largest mid spread-volume inside the utilized depth");
        define("index.cfrti.lambdaDepthFraction", "0.3", "lambda = 1 / (this x utilized depth)");
        define("index.cfrti.gridIncludesZero", "false", "Weight the best mid at v = 0 too (grid 0..v_T instead of s..v_T)");
        define("index.cfrti.thinBook", "best-mid",
            "When either side holds less than one spacing unit: best-mid (publish the best mid) or no-value");
        define("index.settlement.windowMs", "60000", "Kalshi settles on the average of the prints in (close - this, close]");
        define("index.settlement.officialWaitMs", "7200000",
            "How long after its close a window waits for Kalshi's result before it is forgotten");
        define("index.maxCatchUpMs", "120000",
            "After a jump in event time, index calculations resume at most this far back; earlier ones are skipped");
        define("books.maxLevelsPerSide", "100000",
            "Upper bound on levels per side kept for a venue book (protects against runaway snapshots)");

        // ---- kalshi (markets, quotes)
        define("kalshi.series", "KXBTC15M",
            "Kalshi series whose market open/close notices the engine emits from its calendar (comma list: KXBTC15M, KXBTCD)");
        define("kalshi.maxInstruments", "512",
            "Initial number of Kalshi markets held; a market's record is reused only kalshi.retainMs after its close");
        define("kalshi.retainMs", "3600000",
            "A Kalshi market is forgotten no earlier than this (ms of event time) after its close: positions are held to settlement");

        // ---- fair value model (docs/strategies.md)
        define("model.dynamics", "arithmetic",
            "Index dynamics of the fair value model: arithmetic (Gaussian average, exact) or geometric (lognormal moment match)");
        define("model.basisSd", "5.00",
            "Std dev (USD) of official minus engine index averaged over the settlement window; 0 when trading on the official index");
        define("model.vol.windowMs", "900000", "Volatility look-back in event time (ms)");
        define("model.vol.maxGapMs", "30000", "An index gap longer than this (ms) restarts the volatility's return chain");
        define("model.vol.priorAnnual", "0.50", "Prior volatility (annualised) the estimate is shrunk toward");
        define("model.vol.priorWeightMs", "300000", "Weight of the prior volatility, as event time (ms)");
        define("model.vol.minAnnual", "0.10", "Floor of the volatility estimate (annualised)");
        define("model.vol.estimator", "bipower",
            "Diffusion volatility from bipower variation (robust to jumps) or realized variance (a jump inflates it for a whole window)");
        define("model.vol.jumpWindowMs", "14400000",
            "With bipower: the jumps' variance per second (realized minus bipower) over this look-back (ms) is added; 0: none");
        define("model.vol.errorRel", "0.15",
            "Relative error of the volatility estimate: the fair value's error band is P at vol x (1 +- this)");
        define("model.vol.maxAnnual", "3.00", "Cap of the volatility estimate (annualised)");

        // ---- strategies: common entry guards (each strategy applies them to its own book)
        define("strategy.guard.openBufferMs", "30000", "No entries this long (ms) after a market opens");
        define("strategy.guard.closeBufferMs", "30000", "No entries this long (ms) before a market closes");
        define("strategy.guard.maxIndexAgeMs", "3000", "No entries when the last index print is older than this (ms)");
        define("strategy.guard.maxQuoteAgeMs", "3000",
            "No entries unless the market's Kalshi book was received within this (ms) and its feed (REST poller or WebSocket) is live");
        define("strategy.guard.cooldownMs", "30000", "No new entry by a strategy in a market this soon (ms) after its last one");
        define("strategy.guard.maxMarketExposure", "100", "Largest exposure (USD: cost held + pending buys) per strategy in one market");
        define("strategy.guard.maxTotalExposure", "500", "Largest exposure (USD) per strategy over all markets");
        define("strategy.guard.dailyLossLimit", "200", "No new entries once a strategy's PnL for the UTC day (realised + marked) is this many USD below zero");

        // ---- strategy: fair-value delay arbitrage
        define("strategy.fairValue.enabled", "true", "Trade the fair-value delay arbitrage");
        define("strategy.fairValue.minEdge", "0.03", "Required edge after price and taker fee (probability, USD per contract)");
        define("strategy.fairValue.kellyFraction", "0.25", "Fraction of the Kelly stake to bet");
        define("strategy.fairValue.bankroll", "1000", "Capital (USD) the Kelly stake is computed on, plus realised PnL");
        define("strategy.fairValue.maxContracts", "100", "Largest order (contracts)");
        define("strategy.fairValue.exitOnEdgeReversal", "false", "Sell before settlement when bid - fee beats the fair value (else hold to settlement)");
        define("strategy.fairValue.exitEdge", "0.02", "Margin (probability) by which bid - fee must exceed the fair value to exit");
        define("strategy.fairValue.modelWeight", "0.5",
            "Weight of the model against the Kalshi mid: trades on mid + weight x (model - mid) (1: the model alone)");
        define("strategy.fairValue.errorMultiple", "1",
            "The required edge grows by this many times the model's own error (P at vol x (1 +- model.vol.errorRel), shrunk)");
        define("strategy.fairValue.reentryEdgeGain", "0.02",
            "A further buy of a side already held needs an edge this much (probability) above the last entry's: no averaging down");
        define("strategy.fairValue.confirmPrints", "2",
            "The edge must hold on this many consecutive per-second index prints before an entry (1: act on the first)");
        define("strategy.fairValue.minPrice", "0.05", "No buys of a side whose ask is below this or above 1 - this (USD)");
        define("strategy.fairValue.allowBothSides", "false",
            "Allow holding YES and NO of one market at once (false: a flipped view exits the held side per the exit rule, never buys the other)");

        // ---- strategy: flash crash
        define("strategy.flashCrash.enabled", "true", "Trade flash crashes");
        define("strategy.flashCrash.drop", "0.15", "Fall of a side's mid price (USD) that counts as a crash");
        define("strategy.flashCrash.windowMs", "10000", "... within this much receive time (ms), in the same market");
        define("strategy.flashCrash.minEdge", "0.05",
            "... and the fair value model still values the fallen side this much (probability) above its ask + fee: not news");
        define("strategy.flashCrash.bothSides", "true", "Also buy NO when the YES mid jumps (the NO price crashed)");
        define("strategy.flashCrash.contracts", "10", "Order size (contracts)");
        define("strategy.flashCrash.maxSlippage", "0.02", "Entry limit = ask + this; exit limit = bid - this (USD)");
        define("strategy.flashCrash.maxPrice", "0.90", "Never pay more than this (USD)");
        define("strategy.flashCrash.takeProfit", "0.10", "Sell when the bid is this much (USD) above the average cost; 0 disables");
        define("strategy.flashCrash.stopLoss", "0.15", "Sell when the bid is this much (USD) below the average cost; 0 disables");
        define("strategy.flashCrash.maxHoldMs", "300000", "Sell after holding this long (ms); 0 holds to settlement");

        // ---- strategy: momentum
        define("strategy.momentum.enabled", "false",
            "Trade momentum (index moved, Kalshi quote did not); off: retired in favour of fair value (docs/strategies.md)");
        define("strategy.momentum.minMove", "0.001", "Index move (fraction) over the window that counts");
        define("strategy.momentum.windowMs", "30000", "Look-back (ms) ending at the Kalshi quote's last receipt");
        define("strategy.momentum.contracts", "10", "Order size (contracts)");
        define("strategy.momentum.maxSlippage", "0.02", "Entry limit = ask + this (USD)");
        define("strategy.momentum.maxPrice", "0.90", "Never pay more than this (USD)");

        // ---- strategy: parity
        define("strategy.parity.enabled", "true", "Buy YES and NO when both asks plus fees are below $1");
        define("strategy.parity.minEdge", "0.01", "Required $1 - (YES ask + NO ask + fees), USD per pair");
        define("strategy.parity.maxContracts", "100", "Largest pair (contracts)");

        // ---- broker
        define("broker.latencyMs", "150",
            "Decision to order arrival (ms): an order fills against the first Kalshi book received at least this long after the decision");
        define("broker.orderTimeoutMs", "5000", "An order that finds no book within this long (ms) after its arrival is cancelled");
        define("broker.markIntervalMs", "1000", "PositionMark events at most this often (ms of event time)");
        define("broker.fee.multiplier", "1",
            "Fee multiplier of a series until its own schedule (a KalshiSeries event: fee_type, fee_multiplier) is seen");
        define("broker.fee.precision", "0.0001", "Fees are rounded up to this many USD per fill (Kalshi: 0.0001; whole cents: 0.01)");
        define("broker.settleWaitMs", "600000",
            "After a close, wait this long (ms) for Kalshi's result before settling on the engine's own estimate (flagged estimated)");

        ranges();
    }

    /**
     * The type, range or choices of each parameter beyond what its default implies (a key ending in
     * Ms is ms >= 0, a decimal default any finite number): checked when a value is given, so a bad
     * value is refused before a run creates anything ({@code arb params} shows them).
     */
    private static void ranges()
    {
        final Range unit = Range.closedOpen(0, 1);
        final Range price = Range.openClosed(0, 1);
        choices("index.method", "cf-rti", "weighted-last");
        range("index.cfrti.calcIntervalMs", Range.closed(1, 1000));
        range("index.cfrti.staleMs", Range.POSITIVE);
        range("index.cfrti.erroneousThreshold", Range.openClosed(0, 1));
        range("index.cfrti.reincludeFraction", Range.closed(0, 1));
        range("index.cfrti.capBand", Range.openClosed(0, 1));
        integer("index.cfrti.capMinOrders", Range.atLeast(1));
        range("index.cfrti.capTrim", Range.closedOpen(0, 0.5));
        range("index.cfrti.capStdDevs", Range.NON_NEGATIVE);
        range("index.cfrti.spacingBtc", Range.POSITIVE);
        range("index.cfrti.maxMidSpread", Range.open(0, 1));
        range("index.cfrti.lambdaDepthFraction", Range.POSITIVE);
        choices("index.cfrti.thinBook", "best-mid", "no-value");
        range("index.settlement.windowMs", Range.POSITIVE);
        integer("books.maxLevelsPerSide", Range.atLeast(1));
        integer("kalshi.maxInstruments", Range.closed(1, 1_000_000));
        choices("model.dynamics", "arithmetic", "geometric");
        range("model.basisSd", Range.NON_NEGATIVE);
        range("model.vol.windowMs", Range.POSITIVE);
        range("model.vol.maxGapMs", Range.POSITIVE);
        range("model.vol.priorAnnual", Range.POSITIVE);
        range("model.vol.minAnnual", Range.POSITIVE);
        range("model.vol.maxAnnual", Range.POSITIVE);
        for (final String money : new String[] {"strategy.guard.maxMarketExposure", "strategy.guard.maxTotalExposure",
            "strategy.guard.dailyLossLimit", "strategy.fairValue.maxContracts", "strategy.flashCrash.contracts",
            "strategy.momentum.contracts", "strategy.parity.maxContracts", "strategy.momentum.minMove",
            "strategy.fairValue.errorMultiple", "broker.fee.multiplier"})
        {
            range(money, Range.NON_NEGATIVE);
        }
        range("strategy.fairValue.minEdge", unit);
        range("strategy.fairValue.kellyFraction", Range.openClosed(0, 1));
        range("strategy.fairValue.bankroll", Range.POSITIVE);
        range("strategy.fairValue.exitEdge", unit);
        range("strategy.fairValue.modelWeight", Range.closed(0, 1));
        range("strategy.fairValue.reentryEdgeGain", unit);
        integer("strategy.fairValue.confirmPrints", Range.atLeast(1));
        range("strategy.fairValue.minPrice", Range.closedOpen(0, 0.5));
        range("strategy.flashCrash.minEdge", unit);
        choices("model.vol.estimator", "bipower", "realized");
        range("model.vol.errorRel", unit);
        range("strategy.flashCrash.drop", Range.open(0, 1));
        range("strategy.flashCrash.windowMs", Range.POSITIVE);
        range("strategy.flashCrash.maxSlippage", unit);
        range("strategy.flashCrash.maxPrice", price);
        range("strategy.flashCrash.takeProfit", unit);
        range("strategy.flashCrash.stopLoss", unit);
        range("strategy.momentum.windowMs", Range.POSITIVE);
        range("strategy.momentum.maxSlippage", unit);
        range("strategy.momentum.maxPrice", price);
        range("strategy.parity.minEdge", unit);
        range("broker.orderTimeoutMs", Range.POSITIVE);
        range("broker.markIntervalMs", Range.POSITIVE);
        range("broker.fee.precision", Range.openClosed(0, 1));
    }

    private static ParamSpec require(final String key)
    {
        final ParamSpec s = SPECS.get(key);
        if (s == null)
        {
            throw new IllegalStateException("range given for an undefined parameter: " + key);
        }
        return s;
    }

    private static void range(final String key, final Range range)
    {
        final ParamSpec s = require(key);
        SPECS.put(key, s.withRange(s.type(), range));
    }

    private static void integer(final String key, final Range range)
    {
        SPECS.put(key, require(key).withRange("int", range));
    }

    private static void choices(final String key, final String... values)
    {
        SPECS.put(key, require(key).withChoices(List.of(values)));
    }

    private ParamCatalog()
    {
    }

    /** Registers a parameter; called from this class's static block (one place lists them all). */
    static void define(final String key, final String defaultValue, final String description)
    {
        if (SPECS.put(key, new ParamSpec(key, defaultValue, description)) != null)
        {
            throw new IllegalStateException("parameter defined twice: " + key);
        }
    }

    public static ParamSpec spec(final String key)
    {
        return SPECS.get(key);
    }

    /** All specs, sorted by key. */
    public static List<ParamSpec> all()
    {
        return Collections.unmodifiableList(List.copyOf(SPECS.values()));
    }

    /**
     * Prefixes of the parameters only the trading desk reads (fair value model, strategies, paper
     * broker): the chain's shared prefix (index, books, Kalshi markets) never reads them, so sweep
     * points that differ only in these keys can share one pass of that prefix. Everything else (index,
     * books, Kalshi) is market-side. ParamScopeTest checks the prefix stages read none of these.
     */
    private static final List<String> DESK_PREFIXES = List.of("model.", "strategy.", "broker.");

    /**
     * True when {@code key} is a known logic parameter that only the trading desk reads (see
     * {@link #DESK_PREFIXES}); false for market-side keys and for any key this catalog does not
     * define (unknown: never assumed shareable).
     */
    public static boolean isDeskOnly(final String key)
    {
        if (key == null || !SPECS.containsKey(key))
        {
            return false;
        }
        for (final String prefix : DESK_PREFIXES)
        {
            if (key.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /** Defaults of every parameter, sorted by key. */
    public static TreeMap<String, String> defaults()
    {
        final TreeMap<String, String> m = new TreeMap<>();
        for (final ParamSpec s : SPECS.values())
        {
            m.put(s.key(), s.defaultValue());
        }
        return m;
    }
}
