package arb.feeds.net;

import arb.journal.RecordingSink;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A symbol the venue does not list stops the feed at start with a clear reason, before any WebSocket. */
@Tag("slow")
@Timeout(120)
class BinanceUsListingSimTest
{
    @Test
    void unlistedSymbolStopsTheVenueWithAClearMessage() throws Exception
    {
        try (SimFeedHarness h = new SimFeedHarness(Venue.BINANCEUS, b -> { },
            c -> c.with(java.util.Map.of("feeds.binanceus.symbol", "BTCUSD", "feeds.binanceus.quote", "usd")), null))
        {
            SimFeedHarness.await("STOPPED", 3_000, () -> h.feeds.state(Venue.BINANCEUS) == FeedState.STOPPED);
            final RecordingSink.Status last = h.statuses().get(h.statuses().size() - 1);
            assertThat(last.reason()).isEqualTo(FeedReason.NOT_LISTED);
            assertThat(last.detail()).contains("BTCUSD");
            assertThat(h.statuses()).noneMatch(s -> s.state() == FeedState.SUBSCRIBING);
            assertThat(h.sim.sessions(Venue.BINANCEUS)).isZero();
        }
    }
}
