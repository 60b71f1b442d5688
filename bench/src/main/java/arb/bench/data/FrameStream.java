package arb.bench.data;

import java.util.List;
import java.util.Map;

import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.SnapshotDecoder;
import arb.feeds.net.FeedsConfig;
import arb.feeds.net.SpotDecoders;
import arb.feeds.net.VenueConfig;
import arb.journal.CountingSink;
import arb.journal.EventSink;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link DecodeCase}'s frames back to back in one buffer, served endlessly to the venue's
 * production decoder (made by {@link SpotDecoders} from the default feed settings, as live and
 * import make it; Kalshi's WebSocket decoder with its defaults). At the end of the stream the decoder is reset and the stream starts again from
 * its snapshot, as after a reconnect. Allocation-free after construction.
 */
public final class FrameStream
{
    private final String name;
    private final byte[] data;
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] recvNs;
    private final boolean[] snapshot;
    private final int size;
    private final FeedDecoder decoder;
    private final CountingSink sink;
    private int next;

    public FrameStream(final DecodeCase decodeCase, final List<RecordedFrames.Frame> capture)
    {
        this(decodeCase.id(), decodeCase.venue(), decodeCase.stream(capture));
    }

    /** A stream of any frames of one venue (e.g. a real capture), decoded by that venue's decoder. */
    public FrameStream(final String name, final arb.sbe.Venue venue, final List<RecordedFrames.Frame> frames)
    {
        this.name = name;
        this.size = frames.size();
        this.offsets = new int[size];
        this.lengths = new int[size];
        this.recvNs = new long[size];
        this.snapshot = new boolean[size];
        int total = 0;
        for (final RecordedFrames.Frame f : frames)
        {
            total += f.bytes().length;
        }
        this.data = new byte[total];
        int at = 0;
        for (int i = 0; i < size; i++)
        {
            final RecordedFrames.Frame f = frames.get(i);
            System.arraycopy(f.bytes(), 0, data, at, f.bytes().length);
            offsets[i] = at;
            lengths[i] = f.bytes().length;
            recvNs[i] = f.recvNs();
            snapshot[i] = f.depthSnapshot();
            at += f.bytes().length;
        }
        this.buffer = new UnsafeBuffer(data);
        this.sink = new CountingSink();
        this.decoder = decoderFor(venue, sink);
    }

    /** The production decoder of the case's venue, default settings. */
    public static FeedDecoder decoderFor(final arb.sbe.Venue venue, final EventSink sink)
    {
        if (venue == arb.sbe.Venue.KALSHI)
        {
            return new arb.feeds.kalshi.KalshiWsDecoder(new arb.feeds.kalshi.KalshiEventPublisher(sink));
        }
        final FeedsConfig config = FeedsConfig.fromProperties(Map.of());
        for (final VenueConfig s : config.enabledVenues())
        {
            if (s.venue() == venue)
            {
                return new SpotDecoders(config).create(s, sink);
            }
        }
        throw new IllegalStateException(venue + " is not enabled by default");
    }

    /** Decodes the next frame (or REST snapshot); returns the decoder's {@link FrameResult}. */
    public int decodeNext()
    {
        if (next == size)
        {
            next = 0;
            decoder.reset();
        }
        final int i = next++;
        if (snapshot[i])
        {
            return ((SnapshotDecoder)decoder).onSnapshot(buffer, offsets[i], lengths[i], recvNs[i]);
        }
        return decoder.onFrame(buffer, offsets[i], lengths[i], recvNs[i]);
    }

    /** Index of the next frame for a baseline parser that walks the same frames; advances. */
    public int nextIndex()
    {
        if (next == size)
        {
            next = 0;
        }
        return next++;
    }

    /**
     * Decodes the whole stream once from a reset decoder and fails unless every frame decoded on the
     * happy path (no bad frame, no resync): a benchmark must measure decoding, not error handling.
     *
     * @return frames that published data
     */
    public int verify()
    {
        decoder.reset();
        next = 0;
        int data = 0;
        for (int i = 0; i < size; i++)
        {
            final int result = decodeNext();
            if (result == FrameResult.BAD_FRAME || FrameResult.needsResync(result) || result == FrameResult.VENUE_ERROR)
            {
                throw new IllegalStateException(name + ": frame " + i + " decoded as "
                    + FrameResult.name(result) + ": " + new String(data(), offset(i), Math.min(300, length(i)),
                    java.nio.charset.StandardCharsets.UTF_8));
            }
            data += result == FrameResult.DATA ? 1 : 0;
        }
        decoder.reset();
        next = 0;
        return data;
    }

    public String name()
    {
        return name;
    }

    public int size()
    {
        return size;
    }

    public byte[] data()
    {
        return data;
    }

    public int offset(final int i)
    {
        return offsets[i];
    }

    public int length(final int i)
    {
        return lengths[i];
    }

    public boolean isRestSnapshot(final int i)
    {
        return snapshot[i];
    }

    public FeedDecoder decoder()
    {
        return decoder;
    }

    public CountingSink sink()
    {
        return sink;
    }

    /** Mean frame size in bytes. */
    public double meanBytes()
    {
        return (double)data.length / size;
    }
}
