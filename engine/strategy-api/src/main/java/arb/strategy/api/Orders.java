package arb.strategy.api;

/**
 * What a strategy may do: send immediate-or-cancel limit orders to the paper broker under its own
 * book. Each order first emits the decision's Signal event (with the reason); entries pass the
 * engine's common guards (stale quote, stale index unless {@link Strategy#usesIndex} is false, time
 * left, cool-down, daily loss, exposure limits) and are cut to the exposure room, so a strategy
 * cannot exceed the run's risk limits. Valid only during the {@link Strategy#onMarket} call.
 */
public interface Orders
{
    /**
     * Buys up to {@code qty} ({@link Units#KQTY}, whole contracts) of {@code side} at prices up to
     * {@code limitPrice} ({@link Units#KPRICE}, floored to the market's tick).
     *
     * @return the order id, or 0 when a guard or the exposure room refused it
     */
    long buy(Side side, long limitPrice, long qty, CharSequence reason);

    /**
     * Sells up to {@code qty} of the {@code side} this strategy holds in the market, at prices down to
     * {@code limitPrice} (ceiled to the market's tick); at most what it holds.
     *
     * @return the order id, or 0 when there is nothing to sell
     */
    long sell(Side side, long limitPrice, long qty, CharSequence reason);

    /** A cleared, reused buffer for a reason text (at most 96 characters are kept): no allocation per decision. */
    StringBuilder reasonText();
}
