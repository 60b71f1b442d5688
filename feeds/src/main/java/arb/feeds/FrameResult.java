package arb.feeds;

/**
 * What a {@link FeedDecoder} tells the connection layer about one frame. Plain int constants so the
 * hot path returns without allocation.
 */
public final class FrameResult
{
    /** Market data decoded and published. */
    public static final int DATA = 0;
    /** A well-formed frame with nothing to publish (heartbeat, pong, status, unknown type). */
    public static final int IGNORED = 1;
    /** A subscription was acknowledged. */
    public static final int SUBSCRIBED = 2;
    /** Not parseable, truncated, or missing required fields: counted and dropped. */
    public static final int BAD_FRAME = 3;
    /** Lost messages detected (sequence gap): the book is invalid, resubscribe for a fresh snapshot. */
    public static final int RESYNC_SEQUENCE_GAP = 4;
    /** Book checksum mismatch: the book is invalid, resubscribe. */
    public static final int RESYNC_CHECKSUM = 5;
    /** The book became crossed after an update: invalid, resubscribe. */
    public static final int RESYNC_CROSSED = 6;
    /** The venue asked the client to reconnect. */
    public static final int RECONNECT_REQUESTED = 7;
    /** The venue reported an error (e.g. subscription refused). */
    public static final int VENUE_ERROR = 8;
    /** The decoder needs a REST snapshot before it can publish a book (Binance.US depth sync). */
    public static final int NEEDS_SNAPSHOT = 9;

    private FrameResult()
    {
    }

    public static boolean needsResync(final int result)
    {
        return result == RESYNC_SEQUENCE_GAP || result == RESYNC_CHECKSUM || result == RESYNC_CROSSED;
    }

    public static String name(final int result)
    {
        switch (result)
        {
            case DATA: return "DATA";
            case IGNORED: return "IGNORED";
            case SUBSCRIBED: return "SUBSCRIBED";
            case BAD_FRAME: return "BAD_FRAME";
            case RESYNC_SEQUENCE_GAP: return "RESYNC_SEQUENCE_GAP";
            case RESYNC_CHECKSUM: return "RESYNC_CHECKSUM";
            case RESYNC_CROSSED: return "RESYNC_CROSSED";
            case RECONNECT_REQUESTED: return "RECONNECT_REQUESTED";
            case VENUE_ERROR: return "VENUE_ERROR";
            case NEEDS_SNAPSHOT: return "NEEDS_SNAPSHOT";
            default: return "UNKNOWN(" + result + ")";
        }
    }
}
