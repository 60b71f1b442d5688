package arb.feeds;

import arb.journal.EventSink;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Turns one venue's WebSocket text frames into input events. Implementations scan the frame bytes
 * directly (no String, no JSON tree, no allocation per frame), validate the whole frame before
 * claiming any slot from the {@link EventSink}, and keep the feed-side state needed for integrity
 * checks (sequence numbers, checksums, crossed books). The connection life cycle (connect,
 * subscribe, silence, reconnect) lives in the Netty layer, which acts on the {@link FrameResult}
 * each frame returns. Called only from the engine's I/O thread.
 */
public interface FeedDecoder
{
    Venue venue();

    /**
     * Decodes one complete text frame received at {@code recvNs} (epoch ns, receive clock) and
     * publishes the resulting events to the sink.
     *
     * @return one of the {@link FrameResult} codes
     */
    int onFrame(DirectBuffer frame, int offset, int length, long recvNs);

    /** Forgets all book and sequence state: called on every (re)connect before subscribing. */
    void reset();

    /** Counters of what this decoder has seen, for status lines and tests. */
    FeedCounters counters();
}
