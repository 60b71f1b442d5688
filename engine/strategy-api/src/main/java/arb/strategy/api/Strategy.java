package arb.strategy.api;

import java.util.List;

/**
 * A trading strategy of your own, loaded by the engine from the classpath when its class is named in
 * the {@code strategy.plugins} parameter. It needs a public no-argument constructor; the engine makes
 * one instance per run (and per sweep point).
 *
 * <p><b>What it sees.</b> For every Kalshi market the run follows, after every Kalshi book update and
 * every clock tick (at least once per second of event time), {@link #onMarket} is called with a
 * {@link MarketView}: the book's top, the index, the engine's volatility and fair value, and the
 * strategy's own position. The engine's own strategies run first, then the plugins in the order of
 * {@code strategy.plugins}.
 *
 * <p><b>What it may do.</b> Send buy and sell orders through {@link Orders}; they are journaled as
 * Signal and Order events under the strategy's own book and filled by the paper broker against the
 * recorded book, subject to the run's guards and exposure limits.
 *
 * <p><b>How it stays deterministic.</b> A replay must give byte-identical output, so a strategy must
 * read time only from {@link MarketView#nowNs()} (never the wall clock), draw randomness only from
 * {@link StrategyContext#random()}, start no threads, do no I/O, keep no static mutable state and
 * not depend on hash iteration order of identity-hashed objects. All calls come from one thread, in
 * event order. Allocating in {@code onMarket} is allowed but slows replays.
 *
 * <p><b>Identity.</b> {@link #name()} and {@link #version()} are journaled in RunStart
 * ({@code strategy.NAME.id}, {@code strategy.NAME.version}); results, reports, dumps and exports show
 * the strategy by its name.
 */
public interface Strategy
{
    /** Lower snake case, at most 32 characters, not an engine strategy's name: e.g. {@code mean_reversion}. */
    String name();

    /** Free text (e.g. 1.0.0): journaled; a replay warns when the loaded version differs from the journal's. */
    String version();

    /**
     * The parameters it reads, set as {@code strategy.NAME.KEY}; {@code enabled} (default true) and
     * {@code seed} (default 1) are added by the engine and must not be declared.
     */
    List<Parameter> parameters();

    /** False when a stale or missing index must not block its entries (it does not price off the index). */
    default boolean usesIndex()
    {
        return true;
    }

    /** Called once before the first event, with the run's parameter values. */
    void start(StrategyContext context);

    /** Judges one market at one moment: exits, then at most a few entries. */
    void onMarket(MarketView market, Orders orders);
}
