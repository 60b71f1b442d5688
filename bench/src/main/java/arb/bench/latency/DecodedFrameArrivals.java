package arb.bench.latency;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import arb.bench.data.EventLog;
import arb.bench.data.FrameStream;
import arb.bench.data.RecordedFrames;
import arb.feeds.FeedDecoder;
import arb.feeds.SnapshotDecoder;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Arrivals that are venue frames: a capture of the four venues (all interleaved, in recorded order)
 * handed one frame per arrival to each venue's production decoder, which validates it, updates its
 * book and publishes the events into the ring - the I/O thread's work in a live run. Clock ticks
 * are published every 200 ms of event time, as the live timer does. At the end of the capture every
 * decoder is reset and the capture starts again, moved forward in event time by a whole number of
 * 15-minute periods. Allocation-free per arrival.
 */
public final class DecodedFrameArrivals implements ArrivalSource
{
    private static final long TICK_NS = 200_000_000L;

    private final String description;
    private final byte[] data;
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] recvNs;
    private final boolean[] restSnapshot;
    private final FeedDecoder[] decoders;
    private final Map<Venue, FeedDecoder> byVenue = new EnumMap<>(Venue.class);
    private final long cycleNs;
    private final ForwardingSink sink = new ForwardingSink();
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private int next;
    private long shiftNs;
    private long nextTickNs;

    public DecodedFrameArrivals(final List<RecordedFrames.Frame> frames)
    {
        final int n = frames.size();
        offsets = new int[n];
        lengths = new int[n];
        recvNs = new long[n];
        restSnapshot = new boolean[n];
        decoders = new FeedDecoder[n];
        int total = 0;
        for (final RecordedFrames.Frame f : frames)
        {
            total += f.bytes().length;
        }
        data = new byte[total];
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            final RecordedFrames.Frame f = frames.get(i);
            System.arraycopy(f.bytes(), 0, data, at, f.bytes().length);
            offsets[i] = at;
            lengths[i] = f.bytes().length;
            recvNs[i] = f.recvNs();
            restSnapshot[i] = f.depthSnapshot();
            decoders[i] = byVenue.computeIfAbsent(f.venue(), v -> FrameStream.decoderFor(v, sink));
            at += f.bytes().length;
        }
        buffer = new UnsafeBuffer(data);
        cycleNs = EventLog.cycleNs(recvNs[n - 1] - recvNs[0]) + EventLog.PERIOD_NS;
        nextTickNs = (recvNs[0] / TICK_NS + 1) * TICK_NS;
        description = "venue frames decoded by the production decoders (" + n + " frames of " + byVenue.keySet()
            + " from a simulator capture, " + String.format("%.0f", (double)total / n) + " B/frame)";
    }

    @Override
    public int arrive(final EventSink out)
    {
        if (next == offsets.length)
        {
            next = 0;
            shiftNs += cycleNs;
            for (final FeedDecoder d : byVenue.values())
            {
                d.reset();
            }
        }
        final int i = next++;
        final long now = recvNs[i] + shiftNs;
        sink.target = out;
        sink.published = 0;
        while (nextTickNs <= now)
        {
            final MutableDirectBuffer b = out.claim();
            tick.wrapAndApplyHeader(b, 0, header).recvNs(now).scheduledNs(nextTickNs);
            out.publish(Events.HEADER_LENGTH + tick.encodedLength());
            sink.published++;
            nextTickNs += TICK_NS;
        }
        if (restSnapshot[i])
        {
            ((SnapshotDecoder)decoders[i]).onSnapshot(buffer, offsets[i], lengths[i], now);
        }
        else
        {
            decoders[i].onFrame(buffer, offsets[i], lengths[i], now);
        }
        return sink.published;
    }

    @Override
    public String describe()
    {
        return description;
    }

    /** The decoders' sink: forwards to the current arrival's sink and counts what it published. */
    private static final class ForwardingSink implements EventSink
    {
        EventSink target;
        int published;

        @Override
        public MutableDirectBuffer claim()
        {
            return target.claim();
        }

        @Override
        public void publish(final int length)
        {
            published++;
            target.publish(length);
        }
    }
}
