package arb.feeds.net;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.RecordingSink;
import arb.sim.VenueSimulator;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The feeds run on whatever loop the engine hands them: an epoll loop gets epoll channels (TCP and DNS). */
@Tag("slow")
@Timeout(120)
class EpollTransportTest
{
    @Test
    void feedGoesLiveOnAnEpollLoopResolvingLocalhost() throws Exception
    {
        assumeTrue(Epoll.isAvailable(), "native epoll not available on this machine");
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try (VenueSimulator sim = VenueSimulator.builder().venues(EnumSet.of(Venue.KRAKEN)).tickMs(2).build().start())
        {
            assertThat(Transports.isEpoll(group)).isTrue();
            final RecordingSink sink = new RecordingSink();
            final FeedsConfig config = FeedsConfig.defaults().pointAtSimulator("localhost", sim.port()).onlyVenues("kraken")
                .fastTimings();
            try (SpotFeeds feeds = new SpotFeeds(group.next(), sink, ReceiveClock.system(), config, new SpotDecoders(config), null))
            {
                feeds.start();
                SimFeedHarness.await("live on epoll", 5_000,
                    () -> feeds.state(Venue.KRAKEN) == FeedState.LIVE && feeds.bookValid(Venue.KRAKEN));
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
