package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.CaptureWriter;
import arb.journal.Events;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.Series;
import arb.sim.kalshi.KalshiSim;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live Kalshi feed (authenticated WebSocket and REST poller) against the simulator with capture
 * on, through a rollover, a sequence gap, a dropped WebSocket and REST errors; then an import of the
 * capture: every event the feed published except its FeedStatus events comes back byte for byte, in
 * the same order. The capture holds no credential.
 */
@Tag("slow")
@Timeout(120)
class KalshiCaptureRoundTripTest
{
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void importOfALiveKalshiCaptureReproducesTheFeedsMarketEvents() throws Exception
    {
        final Path file = dir.resolve("capture.jsonl");
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        final List<byte[]> live = new ArrayList<>();
        final long close;
        try (CaptureWriter capture = new CaptureWriter(file, 16 << 20))
        {
            o.capture = capture;
            try (KalshiSimHarness h = new KalshiSimHarness(o).start())
            {
                assertThat(h.await(() -> h.feed.poller().state() == FeedState.LIVE
                    && h.feed.webSocket().state() == FeedState.LIVE, 10_000)).isTrue();
                final KalshiCalendar calendar = KalshiCalendar.KXBTC15M;
                final long ready = h.clock.nowNs();
                long c = calendar.currentCloseNs(ready);
                if (c - ready < 100 * SECOND)
                {
                    c += calendar.periodNs();
                }
                close = c;
                h.awaitClock(ready + 20 * SECOND, 10_000);
                h.kalshi.inject(KalshiSim.Fault.SEQ_GAP, 1);
                assertThat(h.await(() -> h.feed.webSocket().gaps() > 0, 10_000)).isTrue();
                h.kalshi.inject(KalshiSim.Fault.DROP, 1);
                assertThat(h.await(() -> h.feed.webSocket().reconnects() > 0
                    && h.feed.webSocket().state() == FeedState.LIVE, 10_000)).isTrue();
                h.kalshi.inject(KalshiSim.Fault.RATE_LIMIT, 2);
                h.kalshi.inject(KalshiSim.Fault.SERVER_ERROR, 1);
                final String closed = calendar.marketTicker(close);
                h.awaitClock(close + 30 * SECOND, 15_000);
                assertThat(h.await(() -> h.anyMarket(m -> m.ticker().equals(closed) && m.closeTimeNs() == close
                    && m.expirationValue() != Scales.NULL), 15_000)).isTrue();
                h.feed.stop();
                for (final UnsafeBuffer e : h.events())
                {
                    if (Events.templateId(e, 0) != FeedStatusDecoder.TEMPLATE_ID)
                    {
                        live.add(e.byteArray());
                    }
                }
            }
            assertThat(capture.dropped()).isZero();
        }

        // What the live feed published covers every path the importer has to reproduce.
        final Coverage seen = Coverage.of(live);
        assertThat(seen.restBooks).isPositive();
        assertThat(seen.wsSnapshots).isGreaterThanOrEqualTo(3); // first subscription, after the gap, after the drop
        assertThat(seen.wsDeltas).isPositive();
        assertThat(seen.restMarkets).isPositive();
        assertThat(seen.wsMarkets).isPositive();
        assertThat(seen.relays).isPositive();
        assertThat(seen.series).as("the series' fee schedule, read at start").isEqualTo(1);

        // The importer is configured with the wrong series on purpose: the capture says which it followed.
        final RecordingSink imported = new RecordingSink();
        final KalshiCaptureImporter importer = new KalshiCaptureImporter(imported, List.of(Series.KXBTCD));
        try (CaptureReader r = new CaptureReader(file))
        {
            while (r.next())
            {
                importer.onRecord(r);
            }
            assertThat(r.malformed()).isZero();
        }
        final KalshiCaptureImporter.Stats stats = importer.stats();
        assertThat(stats.resets()).as("one per WebSocket connection").isGreaterThanOrEqualTo(2);
        assertThat(stats.forgets()).as("subscriptions dropped after the gap").isPositive();
        assertThat(stats.resyncs()).as("the gap is seen again").isPositive();
        assertThat(stats.badBodies()).isZero();
        assertThat(stats.badFrames()).isZero();

        assertThat(imported.size()).isEqualTo(live.size());
        for (int i = 0; i < live.size(); i++)
        {
            assertThat(imported.events().get(i)).as("event %d", i).isEqualTo(live.get(i));
        }

        final String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\"venue\":\"kalshi\"").contains("\"kind\":\"http\"").contains("\"status\":429")
            .contains("\"frame\":\"connect\"").contains("\"frame\":\"forget: sid ");
        assertThat(text).doesNotContain("test-key").doesNotContain("KALSHI-ACCESS").doesNotContain("PRIVATE KEY");
    }

    /** Counts of the kinds of Kalshi events in a list. */
    private static final class Coverage
    {
        int restBooks;
        int wsSnapshots;
        int wsDeltas;
        int restMarkets;
        int wsMarkets;
        int relays;
        int series;

        static Coverage of(final List<byte[]> events)
        {
            final Coverage c = new Coverage();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final KalshiBookDecoder book = new KalshiBookDecoder();
            final KalshiMarketDecoder market = new KalshiMarketDecoder();
            for (final byte[] bytes : events)
            {
                final UnsafeBuffer e = new UnsafeBuffer(bytes);
                final int template = Events.templateId(e, 0);
                if (template == KalshiBookDecoder.TEMPLATE_ID)
                {
                    book.wrapAndApplyHeader(e, 0, header);
                    if (book.source() == DataSource.REST)
                    {
                        c.restBooks++;
                    }
                    else if (book.kind() == BookKind.SNAPSHOT)
                    {
                        c.wsSnapshots++;
                    }
                    else
                    {
                        c.wsDeltas++;
                    }
                }
                else if (template == arb.sbe.KalshiSeriesDecoder.TEMPLATE_ID)
                {
                    c.series++;
                }
                else if (template == KalshiMarketDecoder.TEMPLATE_ID)
                {
                    market.wrapAndApplyHeader(e, 0, header);
                    if (market.source() == DataSource.REST)
                    {
                        c.restMarkets++;
                    }
                    else
                    {
                        c.wsMarkets++;
                    }
                }
                else if (template == IndexRelayDecoder.TEMPLATE_ID)
                {
                    c.relays++;
                }
            }
            return c;
        }
    }
}
