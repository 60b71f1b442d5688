package arb.feeds.net;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.RecordingSink;
import arb.sim.market.MarketModelConfig;
import arb.sim.VenueSimulator;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spot venue (Gemini included) at once on ONE event loop against one simulator, both on a receive clock running
 * 60 times real time: every event comes from the one I/O thread, every venue goes live with a book
 * equal to the simulator's (the decoder's, and the one rebuilt from that venue's published events),
 * and a second of real time spans about a minute of receive time (which is how the demo crosses
 * 15-minute market boundaries in 15 seconds).
 */
@Tag("slow")
@Timeout(120)
class AllVenuesOneLoopTest
{
    @Test
    void fourVenuesOneProducerThreadSharedFastClock() throws Exception
    {
        final long start = 1_770_052_440_000_000_000L; // 2026-02-02T17:14:00Z
        final ReceiveClock clock = ReceiveClock.startingAt(start, 60.0);
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final Set<String> producers = new HashSet<>();
        final RecordingSink recording = new RecordingSink();
        final long[] minMax = {Long.MAX_VALUE, Long.MIN_VALUE};
        final EventSink sink = new EventSink()
        {
            @Override
            public MutableDirectBuffer claim()
            {
                return recording.claim();
            }

            @Override
            public void publish(final int length)
            {
                producers.add(Thread.currentThread().getName());
                final long recvNs = Events.recvNs(recording.slot(), 0);
                minMax[0] = Math.min(minMax[0], recvNs);
                minMax[1] = Math.max(minMax[1], recvNs);
                recording.publish(length);
            }
        };
        try (VenueSimulator sim = VenueSimulator.builder().clock(clock).seed(3)
            .modelConfig(new MarketModelConfig().intensity(0.5)).tickMs(2).build().start())
        {
            final FeedsConfig config = FeedsConfig.defaults().pointAtSimulator("127.0.0.1", sim.port()).fastTimings();
            try (SpotFeeds feeds = new SpotFeeds(group.next(), sink, clock, config, new SpotDecoders(config), null))
            {
                feeds.start();
                final long realStart = System.nanoTime();
                for (final Venue v : FeedsConfig.SPOT_VENUES)
                {
                    SimFeedHarness.await(v + " live", 10_000, () -> feeds.state(v) == FeedState.LIVE && feeds.bookValid(v));
                }
                Thread.sleep(1_000);
                sim.pause(true);
                for (final Venue v : FeedsConfig.SPOT_VENUES)
                {
                    SimFeedHarness.await(v + " book equals the simulator's", 3_000,
                        () -> feeds.bookCopy(v).sameLevels(sim.expectedClientBook(v)));
                    SimFeedHarness.assertPublishedBookEquals(recording, v, sim.expectedClientBook(v));
                }
                final List<VenueStatus> statuses = feeds.status(1_000);
                assertThat(statuses).extracting(VenueStatus::venue).containsExactlyElementsOf(FeedsConfig.SPOT_VENUES);
                assertThat(statuses).allMatch(s -> s.state() == FeedState.LIVE && s.frames() > 0 && s.badFrames() == 0);
                final double realSeconds = (System.nanoTime() - realStart) / 1e9;
                feeds.stop(5_000);
                synchronized (producers)
                {
                    assertThat(producers).as("single producer: the I/O event loop").hasSize(1);
                }
                final double clockSeconds = (minMax[1] - minMax[0]) / 1e9;
                assertThat(minMax[0]).isGreaterThanOrEqualTo(start);
                assertThat(clockSeconds).as("receive time at 60x real time").isGreaterThan(realSeconds * 40);
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
