package arb.feeds.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import arb.feeds.FeedCounters;
import arb.feeds.ReceiveClock;
import arb.market.book.PriceLevelBook;
import arb.feeds.capture.FrameCapture;
import arb.journal.EventSink;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's entry point to the live spot feeds: every enabled venue's connection on ONE Netty
 * event loop (the engine's I/O thread, the single producer of the ring), each decoding straight into
 * the given {@link EventSink}. Also owns what the connections share: the non-blocking DNS resolver,
 * the TLS context (certificate and host name verification on), the keep-alive HTTP client, and the
 * housekeeping timer (silence, deadlines, keepalives).
 *
 * <p>Thread rules: construct anywhere; {@link #start()}, {@link #stop(long)} and
 * {@link #status(long)} may be called from any thread and run their work on the loop; every event is
 * published on the loop (the sink is wrapped in a {@link LoopBoundSink} that enforces it).
 */
public final class SpotFeeds implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SpotFeeds.class);

    private final EventLoop loop;
    private final FeedsConfig config;
    private final AddressResolverGroup<?> resolver;
    private final HttpGetClient http;
    private final Map<Venue, VenueFeed> feeds = new EnumMap<>(Venue.class);
    private final List<VenueFeed> ordered = new ArrayList<>();
    private ScheduledFuture<?> housekeeping;
    private boolean started;
    private boolean stopped;

    /**
     * @param loop     the engine's I/O event loop (NIO or epoll)
     * @param sink     where events go (the ring's producer side)
     * @param clock    the receive clock, read once per frame
     * @param config   venues, endpoints, timings
     * @param decoders makes each venue's decoder
     * @param capture  raw frame capture, or null / {@link FrameCapture#NONE}
     */
    public SpotFeeds(
        final EventLoop loop, final EventSink sink, final ReceiveClock clock, final FeedsConfig config,
        final DecoderFactory decoders, final FrameCapture capture)
    {
        this(loop, sink, clock, config, decoders, capture, clientSslContext());
    }

    /** With the production decoders ({@link SpotDecoders}). */
    public SpotFeeds(
        final EventLoop loop, final EventSink sink, final ReceiveClock clock, final FeedsConfig config,
        final FrameCapture capture)
    {
        this(loop, sink, clock, config, new SpotDecoders(config), capture);
    }

    /** As above with a given client TLS context (tests: a private trust anchor; verification stays on). */
    SpotFeeds(
        final EventLoop loop, final EventSink sink, final ReceiveClock clock, final FeedsConfig config,
        final DecoderFactory decoders, final FrameCapture capture, final SslContext ssl)
    {
        this.loop = loop;
        this.config = config;
        final EventSink loopSink = sink instanceof LoopBoundSink ? sink : new LoopBoundSink(loop, sink);
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
            .datagramChannelType(Transports.datagramChannel(loop))
            .socketChannelType(Transports.socketChannel(loop)));
        this.http = new HttpGetClient(loop, Transports.socketChannel(loop), resolver, ssl, config.userAgent(),
            config.maxFrameBytes(), 5_000);
        final FeedStatusPublisher status = new FeedStatusPublisher(loopSink);
        for (final VenueConfig s : config.enabledVenues())
        {
            final VenueFeed feed = new VenueFeed(s, loop, loopSink, decoders, status, clock, capture, http,
                Transports.socketChannel(loop), resolver, ssl, config, config.seed());
            feeds.put(s.venue(), feed);
            ordered.add(feed);
            LOG.info("feed {}", s);
        }
    }

    /** TLS for venue connections: JDK trust store, certificate and host name verification on. */
    public static SslContext clientSslContext()
    {
        try
        {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        }
        catch (final SSLException e)
        {
            throw new IllegalStateException("cannot build TLS context", e);
        }
    }

    /** Starts every enabled feed (asynchronously, on the loop). */
    public void start()
    {
        loop.execute(() ->
        {
            if (started || stopped)
            {
                return;
            }
            started = true;
            final long period = Math.max(1, config.checkIntervalMs());
            housekeeping = loop.scheduleAtFixedRate(this::housekeeping, period, period, TimeUnit.MILLISECONDS);
            for (final VenueFeed feed : ordered)
            {
                try
                {
                    feed.start();
                }
                catch (final RuntimeException ex)
                {
                    LOG.error("{}: start failed", feed.venue(), ex);
                }
            }
        });
    }

    private void housekeeping()
    {
        final long now = System.nanoTime();
        for (final VenueFeed feed : ordered)
        {
            try
            {
                feed.housekeeping(now);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("{}: housekeeping failed", feed.venue(), ex);
            }
        }
    }

    /**
     * Stops every feed: closes connections and publishes a STOPPED FeedStatus per venue (on the
     * loop, so before anything the caller publishes after this returns). Waits up to
     * {@code timeoutMs}.
     */
    public void stop(final long timeoutMs)
    {
        onLoop(() ->
        {
            if (!stopped)
            {
                stopped = true;
                if (housekeeping != null)
                {
                    housekeeping.cancel(false);
                }
                for (final VenueFeed feed : ordered)
                {
                    try
                    {
                        feed.stop();
                    }
                    catch (final RuntimeException ex)
                    {
                        LOG.error("{}: stop failed", feed.venue(), ex);
                    }
                }
                http.close();
            }
            return null;
        }, timeoutMs);
    }

    @Override
    public void close()
    {
        stop(5_000);
        resolver.close();
    }

    /** Per-venue status, canonical venue order; interval figures cover the time since the previous call. */
    public List<VenueStatus> status(final long timeoutMs)
    {
        return onLoop(() ->
        {
            final long now = System.nanoTime();
            final List<VenueStatus> list = new ArrayList<>(ordered.size());
            for (final VenueFeed feed : ordered)
            {
                list.add(feed.snapshot(now));
            }
            return Collections.unmodifiableList(list);
        }, timeoutMs);
    }

    /**
     * Per-venue figures readable from any thread without a task on the loop (metrics, dashboard),
     * canonical venue order.
     */
    public List<VenueGauges> gauges()
    {
        final List<VenueGauges> list = new ArrayList<>(ordered.size());
        for (final VenueFeed feed : ordered)
        {
            list.add(feed.gauges());
        }
        return Collections.unmodifiableList(list);
    }

    /** The current state of one venue's feed (null before its first state). */
    public FeedState state(final Venue venue)
    {
        return onLoop(() -> feed(venue).state(), 5_000);
    }

    /** A copy of the venue decoder's book (tests, diagnostics). */
    public PriceLevelBook bookCopy(final Venue venue)
    {
        return onLoop(() ->
        {
            final PriceLevelBook copy = new PriceLevelBook(16);
            copy.copyFrom(feed(venue).book());
            return copy;
        }, 5_000);
    }

    /** Whether the venue decoder's book currently holds a complete snapshot plus updates. */
    public boolean bookValid(final Venue venue)
    {
        return onLoop(() -> feed(venue).bookValid(), 5_000);
    }

    /** The venue decoder's counters (read them on the loop, or accept a racy view for display). */
    public FeedCounters counters(final Venue venue)
    {
        return feed(venue).decoder().counters();
    }

    public EventLoop eventLoop()
    {
        return loop;
    }

    /** The shared keep-alive HTTP client (for other producers on the same loop, e.g. a Kalshi poller). */
    public HttpGetClient httpClient()
    {
        return http;
    }

    /** The shared non-blocking DNS resolver group. */
    public AddressResolverGroup<?> resolver()
    {
        return resolver;
    }

    private VenueFeed feed(final Venue venue)
    {
        final VenueFeed feed = feeds.get(venue);
        if (feed == null)
        {
            throw new IllegalArgumentException(venue + " is not enabled");
        }
        return feed;
    }

    private <T> T onLoop(final Callable<T> task, final long timeoutMs)
    {
        try
        {
            if (loop.inEventLoop())
            {
                return task.call();
            }
            return loop.submit(task).get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException e)
        {
            throw new IllegalStateException("feed task failed", e.getCause());
        }
        catch (final TimeoutException e)
        {
            throw new IllegalStateException("event loop did not answer within " + timeoutMs + " ms", e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }
}
