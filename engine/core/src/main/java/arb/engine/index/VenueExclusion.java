package arb.engine.index;

/**
 * Why a venue did not contribute to an index calculation. {@link #USED} means it did. The order
 * of the constants is the order the checks run in, so a venue that fails several rules reports
 * the first one.
 */
public enum VenueExclusion
{
    /** The venue's book went into the calculation. */
    USED,
    /** Not in the enabled set: neither used nor counted as excluded. */
    DISABLED,
    /** Its BTC pair is quoted in USDT and USDT venues are excluded. */
    USDT_QUOTE,
    /**
     * The book cannot be trusted: the feed is not LIVE (disconnected, resyncing after a gap), or the
     * book keeper has no complete snapshot since.
     */
    BOOK_INVALID,
    /** No book update within the staleness threshold before the calculation time (or never). */
    STALE,
    /** Bids or asks missing. */
    ONE_SIDED,
    /** Best bid at or above best ask. */
    CROSSED,
    /** Mid too far from the median of the other valid venues (with re-inclusion hysteresis). */
    ERRONEOUS,
    /** The weighted-last proxy: no trade seen yet, or none within its maximum age. */
    NO_RECENT_TRADE
}
