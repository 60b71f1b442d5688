package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.feeds.net.FeedsConfig;
import arb.feeds.net.SpotFeeds;
import arb.journal.EventSink;
import arb.journal.Events;
import io.netty.channel.EventLoopGroup;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * A status round whose I/O loop is too busy to answer within a second skips its line instead of
 * failing the live run (the default soak on a loaded machine ended with exit 1 on exactly that).
 */
class BusyLoopStatusTest
{
    @Test
    void aBusyLoopSkipsTheStatusInsteadOfFailingTheRun() throws Exception
    {
        final EventLoopGroup group = LiveRun.newIoGroup();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch busy = new CountDownLatch(1);
        final FeedsConfig config = FeedsConfig.defaults().pointAtSimulator("127.0.0.1", 1).onlyVenues("kraken");
        final EventSink discard = new EventSink()
        {
            private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);

            @Override
            public MutableDirectBuffer claim()
            {
                return buffer;
            }

            @Override
            public void publish(final int length)
            {
                // the feeds are never started: nothing is published
            }
        };
        try (SpotFeeds feeds = new SpotFeeds(group.next(), discard, ReceiveClock.system(), config, null))
        {
            group.next().execute(() ->
            {
                busy.countDown();
                try
                {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
            final long start = System.nanoTime();
            assertThat(LiveRun.statusOrNull(feeds)).isNull();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(LiveRun.STATUS_TIMEOUT_MS - 50,
                LiveRun.STATUS_TIMEOUT_MS + 3_000);
            release.countDown();
            assertThat(LiveRun.statusOrNull(feeds)).hasSize(1);
        }
        finally
        {
            release.countDown();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
