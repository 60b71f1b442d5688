package arb.feeds.net;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import arb.sim.VenueSimulator;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coinbase sends its whole BTC-USD book as one ~5 MB message; a venue may fragment it. A 50,000-level
 * snapshot (about 6 MB) sent as 64 KiB WebSocket fragments is aggregated into one frame, accepted
 * under the 16 MB bound, and decoded into a complete book.
 */
@Tag("slow")
@Timeout(120)
class LargeFragmentedFrameTest
{
    private static final int LEVELS_PER_SIDE = 25_000;

    @Test
    void aSixMegabyteSnapshotInFragmentsBuildsTheWholeBook() throws Exception
    {
        final byte[] snapshot = bigSnapshot();
        assertThat(snapshot.length).isGreaterThan(5_000_000);
        final VenueSimulator sim = VenueSimulator.builder().venues(EnumSet.of(Venue.KRAKEN)).build();
        sim.routes().webSocket("/big-coinbase", new SimRoutes.WebSocketRoute()
        {
            private long sequence;

            @Override
            public void onOpen(final SimSession session)
            {
            }

            @Override
            public void onText(final SimSession session, final String text)
            {
                session.send("{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"2026-02-02T17:14:00.1Z\","
                    + "\"sequence_num\":" + (sequence++) + ",\"events\":[{\"subscriptions\":{}}]}");
                if (text.contains("\"level2\""))
                {
                    final byte[] withSeq = new String(snapshot, StandardCharsets.US_ASCII)
                        .replace("\"sequence_num\":0", "\"sequence_num\":" + (sequence++)).getBytes(StandardCharsets.US_ASCII);
                    session.sendFragmented(withSeq, 64 * 1024);
                }
            }

            @Override
            public void onClose(final SimSession session)
            {
            }
        });
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (VenueSimulator started = sim.start())
        {
            final FeedsConfig config = FeedsConfig.defaults().onlyVenues("coinbase").fastTimings().with(java.util.Map.of(
                "feeds.coinbase.ws", "ws://127.0.0.1:" + started.port() + "/big-coinbase",
                "feeds.coinbase.silenceStaleMs", "5000", "feeds.coinbase.silenceReconnectMs", "10000"));
            final RecordingSink sink = new RecordingSink();
            try (SpotFeeds feeds = new SpotFeeds(group.next(), sink, ReceiveClock.system(), config, new SpotDecoders(config), null))
            {
                feeds.start();
                SimFeedHarness.await("the big snapshot decoded", 10_000, () -> feeds.bookValid(Venue.COINBASE));
                final PriceLevelBook book = feeds.bookCopy(Venue.COINBASE);
                assertThat(book.bidDepth()).isEqualTo(LEVELS_PER_SIDE);
                assertThat(book.askDepth()).isEqualTo(LEVELS_PER_SIDE);
                assertThat(book.isCrossed()).isFalse();
                assertThat(feeds.state(Venue.COINBASE)).isEqualTo(FeedState.LIVE);
                assertThat(feeds.status(1_000).get(0).badFrames()).isZero();
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static byte[] bigSnapshot()
    {
        final StringBuilder sb = new StringBuilder(7_000_000);
        sb.append("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2026-02-02T17:14:00.2Z\",\"sequence_num\":0,"
            + "\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[");
        for (int i = 0; i < LEVELS_PER_SIDE; i++)
        {
            if (i > 0)
            {
                sb.append(',');
            }
            level(sb, "bid", 6_500_000 - i);
        }
        for (int i = 0; i < LEVELS_PER_SIDE; i++)
        {
            sb.append(',');
            level(sb, "offer", 6_500_001 + i);
        }
        sb.append("]}]}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void level(final StringBuilder sb, final String side, final long cents)
    {
        sb.append("{\"side\":\"").append(side).append("\",\"event_time\":\"2026-02-02T17:14:00.123456Z\",\"price_level\":\"")
            .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
            .append("\",\"new_quantity\":\"0.12345678\"}");
    }
}
