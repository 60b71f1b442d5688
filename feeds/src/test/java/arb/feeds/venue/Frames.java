package arb.feeds.venue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import org.agrona.concurrent.UnsafeBuffer;

/** Helpers for feeding text frames to decoders in tests. */
final class Frames
{
    static final long RECV_NS = 1_786_309_548_000_000_000L;

    private Frames()
    {
    }

    static int feed(final FeedDecoder decoder, final String frame)
    {
        return feed(decoder, frame, RECV_NS);
    }

    /** Feeds the frame from the middle of a larger buffer, so offsets are exercised. */
    static int feed(final FeedDecoder decoder, final String frame, final long recvNs)
    {
        final byte[] text = frame.getBytes(UTF_8);
        final byte[] padded = new byte[text.length + 16];
        System.arraycopy(text, 0, padded, 7, text.length);
        return decoder.onFrame(new UnsafeBuffer(padded), 7, text.length, recvNs);
    }

    /** Feeds exactly the given bytes (a buffer of that size), so an over-read would throw. */
    static int feedExact(final FeedDecoder decoder, final byte[] frame, final int length)
    {
        return decoder.onFrame(new UnsafeBuffer(frame, 0, Math.max(length, 0)), 0, length, RECV_NS);
    }

    static String name(final int result)
    {
        return FrameResult.name(result);
    }

    /** Garbage frames of assorted shapes, deterministic. */
    static List<byte[]> garbage(final long seed)
    {
        final List<byte[]> frames = new ArrayList<>();
        for (final String s : new String[] {"", " ", "{", "}", "[]", "null", "\"x\"", "{}", "{\"a\":}", "{\"channel\":}",
            "{\"channel\":\"l2_data\"", "{{}}", "[{\"channel\":\"l2_data\"}]", "{\"channel\":1}", "\u0000\u0001\u0002",
            "{\"event\":\"data\",\"data\":[1,2", "{\"e\":\"trade\",\"p\":", "not json at all", "{\"x\":1}{\"y\":2}"})
        {
            frames.add(s.getBytes(UTF_8));
        }
        final Random random = new Random(seed);
        for (int i = 0; i < 300; i++)
        {
            final byte[] b = new byte[1 + random.nextInt(200)];
            random.nextBytes(b);
            if (random.nextBoolean())
            {
                b[0] = '{';
            }
            frames.add(b);
        }
        return frames;
    }
}
