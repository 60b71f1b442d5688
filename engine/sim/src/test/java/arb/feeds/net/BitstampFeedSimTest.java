package arb.feeds.net;

import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import arb.sim.venue.SimFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitstamp against the simulator: the common faults, {@code bts:request_reconnect}, and a crossed
 * full book that the next full book heals without reconnecting.
 */
class BitstampFeedSimTest extends AbstractFeedSimTest
{
    @Override
    Venue venue()
    {
        return Venue.BITSTAMP;
    }

    @Test
    void requestReconnectIsHonouredPromptly() throws Exception
    {
        final int from = h.statuses().size();
        h.sim.inject(venue(), SimFault.RECONNECT_REQUEST);
        awaitStatus(from, FeedState.DISCONNECTED, FeedReason.RECONNECT_REQUESTED);
        awaitRecovered(from);
        assertThat(h.statusesSince(from)).noneMatch(s -> s.state() == FeedState.BACKOFF);
        h.assertBookMatchesSimulator();
    }

    @Test
    void crossedBookHealsWithTheNextFullBookWithoutReconnecting() throws Exception
    {
        final int from = h.statuses().size();
        final long reconnects = h.status().reconnects();
        h.sim.inject(venue(), SimFault.CROSS_BOOK);
        awaitStatus(from, FeedState.RESYNCING, FeedReason.CROSSED_BOOK);
        awaitStatus(from, FeedState.LIVE, FeedReason.SNAPSHOT);
        assertThat(h.status().reconnects()).isEqualTo(reconnects);
        h.assertBookMatchesSimulator();
    }
}
