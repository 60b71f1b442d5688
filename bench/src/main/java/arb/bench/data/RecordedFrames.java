package arb.bench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.FrameCapture;
import arb.sbe.Venue;

/**
 * A capture file ({@code capture.jsonl}) loaded into memory: every record received from a venue,
 * in order, with its bytes. Cold path (benchmark setup).
 */
public final class RecordedFrames
{
    /** One received record: a WebSocket frame, or a REST depth snapshot body. */
    public record Frame(Venue venue, long recvNs, boolean depthSnapshot, byte[] bytes)
    {
        public String text()
        {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private RecordedFrames()
    {
    }

    /** The frames and depth snapshots received, in capture order (sent frames and events left out). */
    public static List<Frame> load(final Path capture)
    {
        final List<Frame> frames = new ArrayList<>();
        try (CaptureReader r = new CaptureReader(capture))
        {
            while (r.next())
            {
                if (!r.in())
                {
                    continue;
                }
                final boolean ws = r.kind() == FrameCapture.Kind.WS;
                final boolean depth = r.kind() == FrameCapture.Kind.HTTP && (r.status() == 0 || r.status() == 200)
                    && r.url() != null && r.url().contains("/depth");
                if (ws || depth)
                {
                    final byte[] bytes = new byte[r.frameLength()];
                    r.frame().getBytes(0, bytes);
                    frames.add(new Frame(r.venue(), r.tsNs(), depth, bytes));
                }
            }
        }
        return frames;
    }
}
