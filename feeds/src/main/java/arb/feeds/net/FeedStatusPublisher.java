package arb.feeds.net;

import arb.journal.EventSink;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes FeedStatus input events. State changes are rare (cold path), so the detail text may be a
 * String; it is cut to the schema's 96 ASCII characters. Must be called on the I/O event loop
 * (the sink is a {@link LoopBoundSink}).
 */
public final class FeedStatusPublisher
{
    private final EventSink sink;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final FeedStatusEncoder encoder = new FeedStatusEncoder();

    public FeedStatusPublisher(final EventSink sink)
    {
        this.sink = sink;
    }

    public void publish(final long recvNs, final Venue venue, final FeedState state, final FeedReason reason,
        final String detail)
    {
        final MutableDirectBuffer buffer = sink.claim();
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venue(venue)
            .state(state)
            .reason(reason)
            .detail(ascii(detail));
        sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    static String ascii(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final int n = Math.min(text.length(), FeedStatusEncoder.detailLength());
        final StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
