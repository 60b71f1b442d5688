package arb.feeds.net;

import java.nio.file.Path;
import java.util.List;

import arb.feeds.capture.CaptureWriter;
import arb.journal.RecordingSink;
import arb.sim.venue.SimFault;
import arb.journal.Events;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live run against the simulator with capture on, then an import of its capture.jsonl through the
 * same decoders: the imported market events are byte for byte the live ones (FeedStatus events are
 * the connection layer's, not the decoders', so they are not expected in an import).
 */
@Tag("slow")
@Timeout(120)
class CaptureRoundTripTest
{
    @TempDir
    Path dir;

    @Test
    void importOfALiveCaptureReproducesTheLiveMarketEvents() throws Exception
    {
        final Path file = dir.resolve("capture.jsonl");
        final List<byte[]> live;
        final FeedsConfig config;
        try (CaptureWriter capture = new CaptureWriter(file, 16 << 20))
        {
            try (SimFeedHarness h = new SimFeedHarness(Venue.COINBASE, b -> { }, c -> c, capture))
            {
                h.awaitLive();
                Thread.sleep(300);
                h.sim.inject(Venue.COINBASE, SimFault.SKIP_SEQUENCE);
                Thread.sleep(300);
                h.sim.inject(Venue.COINBASE, SimFault.DROP);
                h.awaitLive();
                Thread.sleep(300);
                h.feeds.stop(5_000);
                live = marketEvents(h.sink.events());
                config = h.config;
            }
            assertThat(capture.dropped()).isZero();
        }
        assertThat(live.size()).isGreaterThan(50);

        final RecordingSink imported = new RecordingSink();
        final CaptureImporter importer = new CaptureImporter(config, new SpotDecoders(config), imported);
        final CaptureImporter.Stats stats = importer.importFile(file);
        assertThat(stats.malformed()).isZero();
        assertThat(stats.resets()).isGreaterThanOrEqualTo(3);
        assertThat(stats.resyncs()).isGreaterThanOrEqualTo(1);
        final List<byte[]> replayed = marketEvents(imported.events());
        assertThat(replayed).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++)
        {
            assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));
        }
    }

    @Test
    void importOfALiveGeminiCaptureReproducesTheLiveMarketEvents() throws Exception
    {
        final Path file = dir.resolve("gemini-capture.jsonl");
        final List<byte[]> live;
        final FeedsConfig config;
        try (CaptureWriter capture = new CaptureWriter(file, 16 << 20))
        {
            try (SimFeedHarness h = new SimFeedHarness(Venue.GEMINI, b -> { }, c -> c, capture))
            {
                h.awaitLive();
                Thread.sleep(300);
                h.sim.inject(Venue.GEMINI, SimFault.CROSS_BOOK);
                Thread.sleep(500);
                h.awaitLive();
                h.sim.inject(Venue.GEMINI, SimFault.GARBAGE);
                h.sim.inject(Venue.GEMINI, SimFault.DROP);
                Thread.sleep(300);
                h.awaitLive();
                Thread.sleep(1_500);
                h.feeds.stop(5_000);
                live = marketEvents(h.sink.events());
                config = h.config;
            }
            assertThat(capture.dropped()).isZero();
        }
        assertThat(live.size()).isGreaterThan(50);
        final RecordingSink imported = new RecordingSink();
        final CaptureImporter.Stats stats = new CaptureImporter(config, new SpotDecoders(config), imported).importFile(file);
        assertThat(stats.malformed()).isZero();
        assertThat(stats.resyncs()).as("the crossed book").isGreaterThanOrEqualTo(1);
        final List<byte[]> replayed = marketEvents(imported.events());
        assertThat(replayed).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++)
        {
            assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));
        }
    }

    private static List<byte[]> marketEvents(final List<byte[]> events)
    {
        return events.stream()
            .filter(e -> Events.templateId(new UnsafeBuffer(e), 0) != FeedStatusDecoder.TEMPLATE_ID)
            .toList();
    }
}
