package arb.feeds.net;

import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Pings both ways: server WebSocket pings are answered; application keepalives are sent and answered. */
@Tag("slow")
@Timeout(120)
class KeepaliveSimTest
{
    @Test
    void binanceWebSocketPingsAreAnsweredWithPongs() throws Exception
    {
        try (SimFeedHarness h = new SimFeedHarness(Venue.BINANCEUS, b -> b.binancePingMs(50), c -> c, null))
        {
            h.awaitLive();
            SimFeedHarness.await("pongs", 3_000, () -> h.sim.pongsReceived(Venue.BINANCEUS) >= 3);
            assertThat(h.feeds.state(Venue.BINANCEUS)).isEqualTo(FeedState.LIVE);
        }
    }

    @Test
    void krakenAndBitstampApplicationKeepalivesAreSent() throws Exception
    {
        for (final Venue venue : new Venue[] {Venue.KRAKEN, Venue.BITSTAMP})
        {
            try (SimFeedHarness h = new SimFeedHarness(venue))
            {
                h.awaitLive();
                // fastTimings: keepalive every 200 ms
                SimFeedHarness.await(venue + " keepalives answered", 3_000, () -> h.sim.pingsAnswered(venue) >= 2);
                assertThat(h.feeds.state(venue)).isEqualTo(FeedState.LIVE);
            }
        }
    }
}
