package arb.engine.strategy;

/** Why an entry was not allowed (NONE: allowed). Counted per strategy for the run summary. */
public enum GuardBlock
{
    NONE,
    NOT_ACTIVE,
    OPENING,
    CLOSING,
    NO_BOOK,
    /** The market's Kalshi book was received longer ago than strategy.guard.maxQuoteAgeMs. */
    STALE_QUOTE,
    /** The Kalshi feed that delivers the book is not live, or has not re-sent the book since it recovered. */
    KALSHI_FEED_DOWN,
    STALE_INDEX,
    PENDING_ORDER,
    COOLDOWN,
    MARKET_EXPOSURE,
    TOTAL_EXPOSURE,
    DAILY_LOSS,
    /** The strategy holds the market's other side (fair value, unless strategy.fairValue.allowBothSides). */
    OPPOSITE_SIDE_HELD,
    /** Fair value: the side is held and the edge is not larger than at the last entry by reentryEdgeGain (no averaging down). */
    EDGE_NOT_GROWN,
    /** Fair value: the side's ask is outside [minPrice, 1 - minPrice], the tails where the model's error is largest. */
    TAIL_PRICE,
    /** Fair value: the edge has not yet held over strategy.fairValue.confirmPrints index prints. */
    UNCONFIRMED
}
