package arb.feeds.net;

import java.nio.file.Path;

import arb.market.book.PriceLevelBook;
import arb.feeds.capture.CaptureWriter;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator fed by a capture: a feed connected to it receives the recorded connection's frames
 * and ends with the book the recording ended with (in the decoder and as rebuilt from its published
 * events); when the recorded connection ends, so does the replayed one.
 */
@Tag("slow")
@Timeout(120)
class CaptureReplaySimTest
{
    @TempDir
    Path dir;

    @Test
    void replayingACaptureRebuildsTheRecordedBook() throws Exception
    {
        final Path file = dir.resolve("capture.jsonl");
        final PriceLevelBook recorded;
        try (CaptureWriter capture = new CaptureWriter(file, 16 << 20))
        {
            try (SimFeedHarness h = new SimFeedHarness(Venue.KRAKEN, b -> { }, c -> c, capture))
            {
                h.awaitLive();
                Thread.sleep(500);
                h.sim.pause(true);
                Thread.sleep(100);
                h.feeds.stop(5_000);
                recorded = h.feeds.bookCopy(Venue.KRAKEN);
                SimFeedHarness.assertPublishedBookEquals(h.sink, Venue.KRAKEN, recorded);
            }
        }
        assertThat(recorded.bidDepth()).isEqualTo(100);

        try (SimFeedHarness replay = new SimFeedHarness(Venue.KRAKEN, b -> b.capture(file, 4.0), c -> c, null))
        {
            SimFeedHarness.await("recorded connection replayed to its end", 5_000, () -> replay.statuses().stream()
                .anyMatch(s -> s.state() == FeedState.DISCONNECTED && s.reason() == FeedReason.PEER_CLOSED));
            final PriceLevelBook replayed = replay.feeds.bookCopy(Venue.KRAKEN);
            assertThat(replayed.sameLevels(recorded)).as("replayed %s recorded %s", replayed, recorded).isTrue();
            SimFeedHarness.assertPublishedBookEquals(replay.sink, Venue.KRAKEN, recorded);
            assertThat(replay.statuses()).anyMatch(s -> s.state() == FeedState.LIVE);
        }
    }
}
