package arb.feeds.net;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.SnapshotDecoder;
import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.CaptureTimestamps;
import arb.journal.EventSink;
import arb.sbe.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the live decoders over a {@code capture.jsonl} (for {@code arb import}): every WebSocket frame
 * received goes to its venue's decoder with the capture's {@code ts_ns} as receive time, every
 * successful REST depth snapshot to the decoder's {@link SnapshotDecoder} side, and every recorded
 * decoder reset is repeated, so the events published equal the live run's market events. Frames sent,
 * connect/disconnect events and venues not in the config are skipped; Kalshi records are left to a
 * {@link RecordListener}, in file order ({@code arb.feeds.kalshi.KalshiCaptureImporter}, see
 * {@link #importFile(Path, RecordListener)}).
 */
public final class CaptureImporter
{
    private static final Logger LOG = LoggerFactory.getLogger(CaptureImporter.class);

    /** Receives records this importer does not decode itself (e.g. Kalshi's). */
    @FunctionalInterface
    public interface RecordListener
    {
        void onRecord(CaptureReader record);
    }

    /** What an import did. */
    public record Stats(long records, long frames, long snapshots, long resets, long skipped, long malformed,
        long badFrames, long resyncs, long oversized, long badTimestamps)
    {
    }

    private final Map<Venue, FeedDecoder> decoders = new EnumMap<>(Venue.class);

    public CaptureImporter(final FeedsConfig config, final DecoderFactory factory, final EventSink sink)
    {
        for (final VenueConfig s : config.enabledVenues())
        {
            decoders.put(s.venue(), factory.create(s, sink));
        }
    }

    public Stats importFile(final Path capture)
    {
        return importFile(capture, null);
    }

    public Stats importFile(final Path capture, final RecordListener others)
    {
        long records = 0;
        long frames = 0;
        long snapshots = 0;
        long resets = 0;
        long skipped = 0;
        long bad = 0;
        long resyncs = 0;
        final CaptureTimestamps timestamps = new CaptureTimestamps();
        try (CaptureReader r = new CaptureReader(capture))
        {
            while (r.next())
            {
                if (!timestamps.accept(r.tsNs()))
                {
                    continue; // counted by reason; never sets the clock
                }
                records++;
                final FeedDecoder decoder = decoders.get(r.venue());
                if (decoder == null)
                {
                    if (others != null)
                    {
                        others.onRecord(r);
                    }
                    else
                    {
                        skipped++;
                    }
                    continue;
                }
                int result = -1;
                switch (r.kind())
                {
                    case WS:
                        if (r.in())
                        {
                            frames++;
                            result = decoder.onFrame(r.frame(), 0, r.frameLength(), r.tsNs());
                        }
                        break;
                    case HTTP:
                        if (r.in() && (r.status() == 0 || r.status() == 200) && r.url() != null
                            && r.url().contains("/depth") && decoder instanceof SnapshotDecoder)
                        {
                            snapshots++;
                            result = ((SnapshotDecoder)decoder).onSnapshot(r.frame(), 0, r.frameLength(), r.tsNs());
                        }
                        break;
                    case EVENT:
                        if (r.frameLength() >= 5 && r.frameText().startsWith("reset"))
                        {
                            resets++;
                            decoder.reset();
                        }
                        break;
                    default:
                        break;
                }
                if (result == FrameResult.BAD_FRAME)
                {
                    bad++;
                }
                else if (FrameResult.needsResync(result))
                {
                    resyncs++;
                }
            }
            if (r.malformed() > 0)
            {
                LOG.warn("{}: {} malformed lines skipped ({} longer than the line limit)", capture, r.malformed(),
                    r.oversized());
            }
            if (timestamps.rejected() > 0)
            {
                LOG.warn("{}: {} records skipped for their ts_ns: {} outside 2000-2200, {} more than 1 s behind, "
                    + "{} unconfirmed jumps of more than a day", capture, timestamps.rejected(), timestamps.outOfRange(),
                    timestamps.outOfOrder(), timestamps.jumps());
            }
            return new Stats(records, frames, snapshots, resets, skipped, r.malformed(), bad, resyncs, r.oversized(),
                timestamps.rejected());
        }
    }
}
