package arb.feeds.net;

import arb.journal.RecordingSink;
import arb.sim.venue.SimFault;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance.US against the simulator: listing check, diffs aligned to a REST depth snapshot, the
 * common faults, and an update-id gap that refetches the snapshot without reconnecting.
 */
class BinanceUsFeedSimTest extends AbstractFeedSimTest
{
    @Override
    Venue venue()
    {
        return Venue.BINANCEUS;
    }

    @Test
    void startsWithTheListingCheckAndASnapshot() throws Exception
    {
        assertThat(h.statuses()).extracting(RecordingSink.Status::detail)
            .anyMatch(d -> d.startsWith("checking listing"));
        assertThat(h.statuses()).anyMatch(s -> s.state() == FeedState.LIVE && s.reason() == FeedReason.SNAPSHOT);
        assertThat(h.feeds.httpClient().connectionsOpened()).as("listing and depth share a kept-alive connection")
            .isEqualTo(1);
    }

    @Test
    void updateIdGapRefetchesTheSnapshotWithoutReconnecting() throws Exception
    {
        final int from = h.statuses().size();
        final long reconnects = h.status().reconnects();
        h.sim.inject(venue(), SimFault.SKIP_SEQUENCE);
        awaitStatus(from, FeedState.RESYNCING, FeedReason.SEQUENCE_GAP);
        awaitStatus(from, FeedState.LIVE, FeedReason.SNAPSHOT);
        assertThat(h.status().reconnects()).isEqualTo(reconnects);
        h.assertBookMatchesSimulator();
    }
}
