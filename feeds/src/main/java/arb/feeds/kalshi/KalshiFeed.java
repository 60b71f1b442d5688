package arb.feeds.kalshi;

import java.util.Map;
import java.util.Optional;

import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.net.HttpGetClient;
import arb.feeds.net.LoopBoundSink;
import arb.feeds.net.SpotFeeds;
import arb.feeds.net.Transports;
import arb.journal.EventSink;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's entry point to Kalshi market data: the REST {@link KalshiPoller} and, when enabled,
 * the {@link KalshiWebSocket}, both on the engine's I/O event loop (the ring's single producer),
 * publishing into the given sink through a {@link LoopBoundSink}. The credentials come from the
 * settings or the environment ({@link KalshiSigner#configured}); without them the WebSocket tries
 * the public channels and otherwise the feed runs on REST alone.
 *
 * <p>Construction checks the polling rate against the read budget and loads the key (so bad
 * settings fail before anything connects). {@link #start()} and {@link #stop()} may be called from
 * any thread.
 *
 * <p>With a {@link FrameCapture} (the run's {@code capture.jsonl}, shared with the spot feeds), the
 * poller records every request URL and response, the WebSocket every frame in and out and its
 * connects, disconnects and decoder resets, all as venue {@code kalshi}; the credentials, the
 * signature and the headers never reach it. {@link KalshiCaptureImporter} turns such a capture back
 * into the same market events.
 */
public final class KalshiFeed implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiFeed.class);

    private final EventLoop loop;
    private final KalshiSelection selection = new KalshiSelection();
    private final KalshiEventPublisher publisher;
    private final KalshiPoller poller;
    private final KalshiWebSocket webSocket;
    private final HttpGetClient ownHttp;
    private final AddressResolverGroup<?> ownResolver;

    /**
     * @param loop        the engine's I/O event loop
     * @param sink        the ring's producer side (wrapped in a {@link LoopBoundSink} unless it is one)
     * @param clock       the receive clock
     * @param config      {@code kalshi.feed.*} settings
     * @param index       the current index price, for choosing KXBTCD strikes ({@link IndexPriceSource#NONE} if none)
     * @param http        the loop's shared keep-alive HTTP client (e.g. {@link SpotFeeds#httpClient()}), or null to own one
     * @param resolver    the loop's DNS resolver (e.g. {@link SpotFeeds#resolver()}), or null to own one
     * @param environment where {@code KALSHI_API_KEY_ID} / {@code KALSHI_PRIVATE_KEY_PATH} are looked up ({@code System.getenv()})
     */
    public KalshiFeed(
        final EventLoop loop, final EventSink sink, final ReceiveClock clock, final KalshiFeedConfig config,
        final IndexPriceSource index, final HttpGetClient http, final AddressResolverGroup<?> resolver,
        final Map<String, String> environment)
    {
        this(loop, sink, clock, config, index, http, resolver, environment, null);
    }

    /**
     * As above, recording raw traffic into {@code capture}.
     *
     * @param capture raw frame capture (e.g. the run's {@link arb.feeds.capture.CaptureWriter}), or null /
     *                {@link FrameCapture#NONE}
     */
    public KalshiFeed(
        final EventLoop loop, final EventSink sink, final ReceiveClock clock, final KalshiFeedConfig config,
        final IndexPriceSource index, final HttpGetClient http, final AddressResolverGroup<?> resolver,
        final Map<String, String> environment, final FrameCapture capture)
    {
        this.loop = loop;
        final EventSink loopSink = sink instanceof LoopBoundSink ? sink : new LoopBoundSink(loop, sink);
        this.publisher = new KalshiEventPublisher(loopSink);
        final SslContext ssl = SpotFeeds.clientSslContext();
        if (resolver == null)
        {
            ownResolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(Transports.datagramChannel(loop))
                .socketChannelType(Transports.socketChannel(loop)));
        }
        else
        {
            ownResolver = null;
        }
        final AddressResolverGroup<?> dns = resolver != null ? resolver : ownResolver;
        if (http == null)
        {
            ownHttp = new HttpGetClient(loop, Transports.socketChannel(loop), dns, ssl, config.userAgent(),
                config.maxFrameBytes(), config.requestTimeoutMs());
        }
        else
        {
            ownHttp = null;
        }
        this.poller = new KalshiPoller(loop, http != null ? http : ownHttp, publisher, clock, config, index, selection,
            capture);
        final Optional<KalshiSigner> signer = KalshiSigner.configured(config.apiKeyId(), config.privateKeyPath(),
            environment);
        if (config.webSocket())
        {
            webSocket = new KalshiWebSocket(loop, publisher, clock, config, signer.orElse(null), selection, ssl, dns,
                capture);
        }
        else
        {
            webSocket = null;
            LOG.info("kalshi: WebSocket disabled ({}webSocket=false): REST polling alone", KalshiFeedConfig.PREFIX);
        }
        LOG.info("kalshi feed {}", config);
    }

    public void start()
    {
        poller.start();
        if (webSocket != null)
        {
            webSocket.start();
        }
    }

    /** Stops both components; their STOPPED FeedStatus events are published on the loop before this returns. */
    public void stop()
    {
        if (webSocket != null)
        {
            webSocket.stop();
        }
        poller.stop();
    }

    @Override
    public void close()
    {
        stop();
        if (ownHttp != null)
        {
            ownHttp.close();
        }
        if (ownResolver != null)
        {
            ownResolver.close();
        }
    }

    /** Receive-clock ns of the last Kalshi quote (market or book event) published, Long.MIN_VALUE before any; any thread. */
    public long lastQuoteRecvNs()
    {
        return publisher.lastQuoteRecvNs();
    }

    public KalshiPoller poller()
    {
        return poller;
    }

    /** The WebSocket client, or null when disabled. */
    public KalshiWebSocket webSocket()
    {
        return webSocket;
    }

    public KalshiSelection selection()
    {
        return selection;
    }

    public EventLoop eventLoop()
    {
        return loop;
    }
}
