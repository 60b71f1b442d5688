package arb.feeds.net;

import arb.sbe.BookUpdateDecoder;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemini market data v2 against the simulator: the common faults (drop, silence, garbage, slow accept,
 * crossed book, which reconnects: the stream has no sequence numbers, so only a new connection says
 * which message is the whole book), plus what is Gemini's own.
 */
class GeminiFeedSimTest extends AbstractFeedSimTest
{
    @Override
    Venue venue()
    {
        return Venue.GEMINI;
    }

    @Test
    void goesLiveOnTheFirstBookWithoutAnAcknowledgementAndAppliesUpdates() throws Exception
    {
        assertThat(h.statuses()).anyMatch(s -> s.state() == FeedState.LIVE && s.reason() == FeedReason.SUBSCRIBED
            && s.detail().contains("first data received"));
        SimFeedHarness.await("book updates", 5_000, () -> h.sink.count(BookUpdateDecoder.TEMPLATE_ID) > 20);
        h.assertBookMatchesSimulator();
        assertThat(h.status().resyncs()).isZero();
    }

    @Test
    void aCrossedBookReconnectsForAFreshBook() throws Exception
    {
        final int from = h.statuses().size();
        final long reconnects = h.status().reconnects();
        h.sim.inject(venue(), arb.sim.venue.SimFault.CROSS_BOOK);
        awaitStatus(from, FeedState.RESYNCING, FeedReason.CROSSED_BOOK);
        awaitRecovered(from);
        assertThat(h.status().reconnects()).as("resync by reconnecting").isGreaterThan(reconnects);
        h.assertBookMatchesSimulator();
    }
}
