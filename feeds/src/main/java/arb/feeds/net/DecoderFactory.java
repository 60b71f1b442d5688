package arb.feeds.net;

import arb.feeds.FeedDecoder;
import arb.journal.EventSink;

/**
 * Makes the decoder of one venue, publishing into the given sink (which observes and forwards to the
 * ring). A decoder that returns {@code NEEDS_SNAPSHOT} must also implement
 * {@link arb.feeds.SnapshotDecoder}.
 */
@FunctionalInterface
public interface DecoderFactory
{
    FeedDecoder create(VenueConfig settings, EventSink sink);
}
