package arb.feeds.net;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import arb.feeds.ReceiveClock;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.feeds.capture.FrameCapture;
import arb.feeds.venue.BookReplay;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import arb.sim.VenueSimulator;
import arb.sim.market.MarketModelConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One venue's feed against the venue simulator on loopback (ephemeral port), with millisecond
 * timings: the engine side runs on one event loop, the simulator on its own.
 */
final class SimFeedHarness implements AutoCloseable
{
    final Venue venue;
    final RecordingSink sink = new RecordingSink();
    final VenueSimulator sim;
    final SpotFeeds feeds;
    final FeedsConfig config;
    private final EventLoopGroup group;

    SimFeedHarness(final Venue venue, final Consumer<VenueSimulator.Builder> simOptions,
        final UnaryOperator<FeedsConfig> feedOptions, final FrameCapture capture) throws Exception
    {
        this.venue = venue;
        final ReceiveClock clock = ReceiveClock.system();
        final VenueSimulator.Builder b = VenueSimulator.builder()
            .clock(clock)
            .seed(7)
            .venues(EnumSet.of(venue))
            .modelConfig(new MarketModelConfig().intensity(2.0))
            .tickMs(2)
            .slowAcceptMs(1_500);
        simOptions.accept(b);
        sim = b.build().start();
        config = feedOptions.apply(FeedsConfig.defaults().pointAtSimulator("127.0.0.1", sim.port())
            .onlyVenues(VenueConfig.configName(venue)).fastTimings());
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final EventLoop loop = group.next();
        feeds = new SpotFeeds(loop, sink, clock, config, new SpotDecoders(config), capture);
        feeds.start();
    }

    SimFeedHarness(final Venue venue) throws Exception
    {
        this(venue, b -> { }, c -> c, null);
    }

    static void await(final String what, final long timeoutMs, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofMillis(timeoutMs).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    void awaitLive() throws InterruptedException
    {
        await(venue + " live with a valid book", 5_000,
            () -> feeds.state(venue) == FeedState.LIVE && feeds.bookValid(venue));
    }

    /**
     * Pauses the market, waits until the decoder's book equals the simulator's and then checks that
     * the book rebuilt from the published events (what a ring consumer sees) equals it too, resumes.
     */
    void assertBookMatchesSimulator() throws InterruptedException
    {
        sim.pause(true);
        try
        {
            final PriceLevelBook[] last = new PriceLevelBook[2];
            try
            {
                await(venue + " client book equal to the simulator's", 3_000, () ->
                {
                    last[0] = feeds.bookCopy(venue);
                    last[1] = sim.expectedClientBook(venue);
                    return feeds.bookValid(venue) && last[0].sameLevels(last[1]);
                });
            }
            catch (final AssertionError e)
            {
                throw new AssertionError(e.getMessage() + ": client " + last[0] + " sim " + last[1]
                    + " valid=" + feeds.bookValid(venue) + " statuses " + statuses(), e);
            }
            assertThat(last[0].isCrossed()).as("client book crossed").isFalse();
            assertThat(last[0].bidDepth()).isGreaterThan(5);
            assertThat(last[0].askDepth()).isGreaterThan(5);
            assertPublishedBookEquals(sink, venue, last[1]);
        }
        finally
        {
            sim.pause(false);
        }
    }

    /**
     * The book rebuilt from the BookSnapshot/BookUpdate events {@code sink} recorded for {@code venue}
     * equals {@code expected}: the feed publishes every change its book went through. Call it once the
     * decoder's book has caught up (its events are published before its book can be read on the loop).
     */
    static void assertPublishedBookEquals(final RecordingSink sink, final Venue venue, final PriceLevelBook expected)
    {
        final PriceLevelBook rebuilt = BookReplay.of(sink, venue);
        assertThat(rebuilt.sameLevels(expected))
            .as("%s book rebuilt from the published events %s equal to %s", venue, rebuilt, expected)
            .isTrue();
    }

    List<RecordingSink.Status> statuses()
    {
        return sink.statuses(venue);
    }

    /** Statuses published after the first {@code from}. */
    List<RecordingSink.Status> statusesSince(final int from)
    {
        final List<RecordingSink.Status> all = statuses();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    VenueStatus status()
    {
        return feeds.status(5_000).get(0);
    }

    @Override
    public void close()
    {
        try
        {
            feeds.close();
        }
        finally
        {
            sim.close();
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
