package arb.feeds.net;

import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import arb.sim.venue.SimFault;
import org.junit.jupiter.api.Test;

/** Coinbase Advanced Trade against the simulator: the common faults plus sequence gaps and close frames. */
class CoinbaseFeedSimTest extends AbstractFeedSimTest
{
    @Override
    Venue venue()
    {
        return Venue.COINBASE;
    }

    @Test
    void sequenceGapReconnectsForAFreshSnapshot() throws Exception
    {
        final int from = h.statuses().size();
        h.sim.inject(venue(), SimFault.SKIP_SEQUENCE);
        awaitStatus(from, FeedState.RESYNCING, FeedReason.SEQUENCE_GAP);
        awaitStatus(from, FeedState.DISCONNECTED, FeedReason.SEQUENCE_GAP);
        awaitRecovered(from);
        h.assertBookMatchesSimulator();
    }

    @Test
    void serverCloseFrameReconnects() throws Exception
    {
        final int from = h.statuses().size();
        h.sim.inject(venue(), SimFault.RECONNECT_REQUEST);
        // close 1012 (service restart) is the venue's reconnect request: at once, no backoff
        awaitStatus(from, FeedState.DISCONNECTED, FeedReason.RECONNECT_REQUESTED);
        awaitRecovered(from);
        h.assertBookMatchesSimulator();
    }
}
