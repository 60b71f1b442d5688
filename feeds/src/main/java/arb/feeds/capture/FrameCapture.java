package arb.feeds.capture;

import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Hook through which the connection layer records every raw frame in and out, every HTTP body and
 * every connect/disconnect, stamped with the same receive time the decoder saw. Implementations must
 * return quickly (copy and hand off): they are called on the I/O thread. See {@link CaptureWriter}
 * for the {@code capture.jsonl} format.
 */
public interface FrameCapture
{
    /** Kind of a capture record. */
    enum Kind
    {
        WS, HTTP, EVENT
    }

    /** A capture that records nothing. */
    FrameCapture NONE = (tsNs, venue, conn, kind, in, url, frame, offset, length) -> { };

    /**
     * Records one item.
     *
     * @param tsNs   receive-clock epoch ns (for frames in: exactly the decoder's recvNs)
     * @param venue  the venue
     * @param conn   connection id (increments per connection attempt)
     * @param kind   ws frame, http body, or connect/disconnect event
     * @param in     true for data received, false for data sent
     * @param url    the URL for http records and connect events, else null
     * @param frame  the bytes (UTF-8 text)
     */
    void record(long tsNs, Venue venue, int conn, Kind kind, boolean in, String url,
        DirectBuffer frame, int offset, int length);

    /** Records an HTTP response body with its status code (so an importer feeds only what the feed used). */
    default void recordHttp(final long tsNs, final Venue venue, final int conn, final Kind kind, final boolean in,
        final String url, final int httpStatus, final DirectBuffer frame, final int offset, final int length)
    {
        record(tsNs, venue, conn, kind, in, url, frame, offset, length);
    }

    /** Convenience for cold-path text (subscriptions, events). */
    default void recordText(final long tsNs, final Venue venue, final int conn, final Kind kind, final boolean in,
        final String url, final String text)
    {
        final byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        record(tsNs, venue, conn, kind, in, url, new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length);
    }
}
