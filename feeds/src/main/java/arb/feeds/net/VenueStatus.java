package arb.feeds.net;

import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.HdrHistogram.Histogram;

/**
 * One venue's feed at a moment, for the live command's 10 s status line and end-of-run summary.
 * Prices at 1e-8 USD ({@code Long.MIN_VALUE} when the side is empty). Latency histograms hold
 * venue-timestamp-to-receive nanoseconds of wall-clock time (the receive clock's difference divided
 * by its rate, so the simulator's speed-up does not inflate them): the interval one since the
 * previous snapshot, the total one since start. {@code resyncs} counts incidents (one per book
 * invalidation), not the frames that reported one.
 *
 * @param messagesPerSecond frames per real second since the previous snapshot
 * @param lastMessageAgeMs  real ms since the last frame, -1 before the first
 * @param upMillis          real ms spent LIVE since start
 */
public record VenueStatus(
    Venue venue,
    FeedState state,
    FeedReason reason,
    String detail,
    double messagesPerSecond,
    long lastMessageAgeMs,
    boolean bookValid,
    long bestBid,
    long bestAsk,
    int bidDepth,
    int askDepth,
    long frames,
    long bytes,
    long events,
    long badFrames,
    long reconnects,
    long resyncs,
    long upMillis,
    Histogram intervalLatencyNs,
    Histogram totalLatencyNs)
{
}
