package arb.engine.strategy;

/** Why an entry was not allowed (NONE: allowed). Counted per strategy for the run summary. */
public enum GuardBlock
{
    NONE,
    NOT_ACTIVE,
    OPENING,
    CLOSING,
    NO_BOOK,
    STALE_QUOTE,
    STALE_INDEX,
    PENDING_ORDER,
    COOLDOWN,
    MARKET_EXPOSURE,
    TOTAL_EXPOSURE,
    DAILY_LOSS,
    /** The strategy holds the market's other side (fair value, unless strategy.fairValue.allowBothSides). */
    OPPOSITE_SIDE_HELD
}
