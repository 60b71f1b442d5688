package arb.feeds;

import org.agrona.DirectBuffer;

/**
 * A {@link FeedDecoder} whose book needs a REST snapshot to align its streamed diffs (Binance.US:
 * it returns {@link FrameResult#NEEDS_SNAPSHOT}). The connection layer fetches the snapshot and
 * hands the response body here; the capture importer does the same with a recorded body.
 */
public interface SnapshotDecoder
{
    /**
     * Applies a REST depth snapshot body received at {@code recvNs}.
     *
     * @return {@link FrameResult#DATA} when the book was rebuilt and published,
     *         {@link FrameResult#NEEDS_SNAPSHOT} when the snapshot is too old for the buffered diffs
     *         (fetch again), or {@link FrameResult#BAD_FRAME}
     */
    int onSnapshot(DirectBuffer body, int offset, int length, long recvNs);
}
