package arb.strategy.api;

/**
 * A read-only view of one Kalshi market at one moment of event time, as the engine sees it: the
 * top of its book, the index, the engine's volatility and fair value model, and this strategy's own
 * position and orders in it. Reused by the engine: valid only during the {@link Strategy#onMarket}
 * call it is passed to; copy what you keep. Prices in {@link Units#KPRICE}, quantities in
 * {@link Units#KQTY}, index and strike in {@link Units#PRICE}, times in epoch nanoseconds of event time.
 */
public interface MarketView
{
    /** Event time now (the receive time of the event being handled): the only clock a strategy has. */
    long nowNs();

    /** Identifies the market (ticker + close time) within the run; stable for the run. */
    long marketId();

    /** The market's ticker (e.g. KXBTC15M-26DEC072315-15); valid during the call. */
    CharSequence ticker();

    long closeTimeNs();

    /** closeTimeNs - nowNs. */
    long timeLeftNs();

    /** The strike it settles against ({@link Units#PRICE}). */
    long strike();

    /** True when YES is "the index settles above the strike" (greater / greater_or_equal / between). */
    boolean yesIsAbove();

    /** Whether the engine holds a usable book for the market. */
    boolean bookValid();

    /** Event time since the book was last received or confirmed. */
    long quoteAgeNs();

    /** Best bid of a side, 0 when none. */
    long bid(Side side);

    long bidQty(Side side);

    /** Best ask of a side ($1 minus the other side's best bid), 0 when none. */
    long ask(Side side);

    long askQty(Side side);

    /** What a buy of {@code side} can still take at prices up to {@code limit}, net of paper orders' take. */
    long askDepthUpTo(Side side, long limit);

    /** The latest index print, {@link Units#NONE} when there is none yet. */
    long index();

    /** Event time since that print. */
    long indexAgeNs();

    /** The engine's volatility estimate per square-root second (a fraction). */
    double sigma();

    /** The engine's fair value model: P(YES) at this moment; NaN when it cannot tell (no index). */
    double fairValueYes();

    /** This strategy's contracts of a side in this market. */
    long position(Side side);

    /** Whether an order of this strategy in this market is still in flight. */
    boolean hasPendingOrder();

    /** The taker fee per contract at a price, in dollars (Kalshi's formula with the run's fee parameters). */
    double takerFeePerContract(long price);
}
