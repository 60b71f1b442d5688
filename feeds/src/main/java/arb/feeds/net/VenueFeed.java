package arb.feeds.net;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.ReceiveClock;
import arb.feeds.SnapshotDecoder;
import arb.feeds.capture.FrameCapture;
import arb.journal.EventSink;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's feed life cycle on the I/O event loop: connect (non-blocking DNS, TLS with
 * verification), WebSocket handshake, subscribe, wait for acknowledgements, live; silence detection
 * (stale, then reconnect); reconnect with exponential backoff and jitter inside the venue's attempt
 * limits; resync when the decoder says the book is invalid (reconnect, resubscribe, REST snapshot or
 * wait for the next full book, per venue); REST depth snapshots and a listing check for Binance.US;
 * application keepalives. Every state change is published as a FeedStatus event with a reason.
 *
 * <p>Single-threaded: every method runs on the event loop (handlers and timers are on it). Events of
 * an old connection are recognised by their connection id and ignored. Frames go to the decoder
 * straight from Netty's buffer (wrapped, not copied, when it is contiguous).
 */
public final class VenueFeed
{
    private static final Logger LOG = LoggerFactory.getLogger(VenueFeed.class);
    private static final long NS_PER_MS = 1_000_000L;
    private static final int MAX_RAPID_RESYNCS = 3;

    private final VenueSettings settings;
    private final VenueProtocol protocol;
    private final EventLoop loop;
    private final FeedDecoder decoder;
    private final SnapshotDecoder snapshotDecoder;
    private final FeedCounters counters;
    private final VenueEventSink venueSink;
    private final FeedStatusPublisher status;
    private final ReceiveClock clock;
    private final FrameCapture capture;
    private final HttpGetClient http;
    private final ReconnectBackoff backoff;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    private final int maxFrameBytes;
    private final String userAgent;
    private final String name;

    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer copy = new ExpandableArrayBuffer(64 * 1024);

    private FeedState state;
    private FeedReason reason = FeedReason.NONE;
    private String detail = "";
    private boolean started;
    private boolean stopped;

    /** Id of the current connection attempt; events from other ids are stale and ignored. */
    private int connId;
    private boolean connActive;
    private Channel channel;
    private boolean handshaken;
    private String peerCloseDetail;

    private long lastMessageNanos = Long.MIN_VALUE;
    private long subscribeDeadlineNanos;
    private int acksPending;
    private boolean sawDataSinceConnect;
    private long liveSinceNanos = Long.MIN_VALUE;
    private long upNanos;
    private boolean backoffResetDone;
    private boolean awaitingRebuild;
    private long resyncDeadlineNanos;
    private int badFramesInRow;
    private long nextKeepaliveNanos;
    private long keepaliveCounter;
    private boolean snapshotInFlight;
    private int snapshotFailures;
    private ScheduledFuture<?> reconnectTimer;
    private ScheduledFuture<?> snapshotRetryTimer;
    private long badFrameLogCount;
    private long liveAccrualStart;
    private long lastRebuildNanos = Long.MIN_VALUE;
    private int rapidResyncs;

    private long statusFrames;
    private long statusNanos;

    VenueFeed(
        final VenueSettings settings, final EventLoop loop, final EventSink loopSink, final DecoderFactory decoders,
        final FeedStatusPublisher status, final ReceiveClock clock, final FrameCapture capture, final HttpGetClient http,
        final Class<? extends SocketChannel> channelClass, final AddressResolverGroup<?> resolver,
        final SslContext sslContext, final FeedsConfig config, final long seed)
    {
        this.settings = settings;
        this.protocol = VenueProtocol.of(settings);
        this.loop = loop;
        this.status = status;
        this.clock = clock;
        this.capture = capture == null ? FrameCapture.NONE : capture;
        this.http = http;
        this.sslContext = sslContext;
        this.maxFrameBytes = config.maxFrameBytes();
        this.userAgent = config.userAgent();
        this.name = settings.name();
        this.venueSink = new VenueEventSink(loopSink,
            new BookMirror(settings.venue() == Venue.KRAKEN ? settings.depth() : 0), this::onBookRebuilt);
        this.decoder = decoders.create(settings, venueSink);
        this.snapshotDecoder = decoder instanceof SnapshotDecoder ? (SnapshotDecoder)decoder : null;
        this.counters = decoder.counters();
        this.backoff = ReconnectBackoff.of(settings, new SplittableRandom(seed ^ settings.venue().value()));
        this.bootstrap = new Bootstrap()
            .group(loop)
            .channel(channelClass)
            .resolver(resolver)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, settings.connectTimeoutMs()))
            .option(ChannelOption.TCP_NODELAY, true);
        if (protocol.snapshotUri() != null && snapshotDecoder == null)
        {
            LOG.warn("{}: decoder {} does not take REST snapshots; its book cannot be synchronised", name,
                decoder.getClass().getName());
        }
    }

    // ------------------------------------------------------------------ control (on the loop)

    void start()
    {
        if (started || stopped)
        {
            return;
        }
        started = true;
        final URI listing = protocol.listingUri();
        if (listing != null && settings.checkListing() && http != null)
        {
            checkListing(listing);
        }
        else
        {
            connect(FeedReason.NONE, "start");
        }
    }

    void stop()
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        cancelTimers();
        closeChannel("stop");
        setState(FeedState.STOPPED, FeedReason.SHUTDOWN, "feed stopped");
    }

    // ------------------------------------------------------------------ connection life cycle

    private void connect(final FeedReason why, final String note)
    {
        if (stopped)
        {
            return;
        }
        reconnectTimer = null;
        try
        {
            startConnection(why, note);
        }
        catch (final RuntimeException ex)
        {
            // e.g. an endpoint that cannot be parsed or a pipeline that cannot be built: back off and retry.
            LOG.error("{}: cannot start a connection", name, ex);
            connActive = true;
            disconnect(FeedReason.CONNECT_FAILED, describe(ex), false);
        }
    }

    private void startConnection(final FeedReason why, final String note)
    {
        final URI uri = settings.ws();
        final boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        final String host = uri.getHost();
        final int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        final int id = ++connId;
        connActive = true;
        handshaken = false;
        peerCloseDetail = null;
        backoff.recordAttempt(System.nanoTime() / NS_PER_MS);
        setState(FeedState.CONNECTING, why, note + ": " + uri);
        capture.recordText(clock.nowNs(), settings.venue(), id, FrameCapture.Kind.EVENT, false, uri.toString(), "connect");

        final WebSocketClientProtocolConfig wsConfig = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(maxFrameBytes)
            .allowExtensions(settings.compression())
            .handshakeTimeoutMillis(settings.handshakeTimeoutMs())
            .handleCloseFrames(false)
            .dropPongFrames(false)
            .withUTF8Validator(false)
            .customHeaders(new DefaultHttpHeaders().set(HttpHeaderNames.USER_AGENT, userAgent))
            .build();
        final Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel ch)
            {
                final ChannelPipeline p = ch.pipeline();
                if (tls)
                {
                    // newHandler(alloc, host, port) sends SNI and lets the engine verify the host name.
                    p.addLast(sslContext.newHandler(ch.alloc(), host, port));
                }
                p.addLast(new HttpClientCodec());
                p.addLast(new HttpObjectAggregator(64 * 1024));
                if (settings.compression())
                {
                    p.addLast(new WebSocketClientCompressionHandler(0));
                }
                p.addLast(new WebSocketClientProtocolHandler(wsConfig));
                p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                p.addLast(new WebSocketFeedHandler(VenueFeed.this, id));
            }
        });
        final ChannelFuture f = b.connect(host, port);
        channel = f.channel();
        f.addListener(future ->
        {
            if (!future.isSuccess() && id == connId && connActive)
            {
                final Throwable cause = future.cause();
                disconnect(FeedReason.CONNECT_FAILED, "connect " + host + ":" + port + ": " + describe(cause), false);
            }
        });
    }

    void onHandshakeComplete(final int id, final Channel ch)
    {
        if (id != connId || !connActive || stopped)
        {
            ch.close();
            return;
        }
        channel = ch;
        handshaken = true;
        final long now = System.nanoTime();
        lastMessageNanos = now;
        sawDataSinceConnect = false;
        badFramesInRow = 0;
        awaitingRebuild = false;
        resyncDeadlineNanos = 0;
        snapshotInFlight = false;
        resetDecoder("connected");
        venueSink.mirror().invalidate();
        setState(FeedState.SUBSCRIBING, FeedReason.CONNECTED, "connected to " + settings.ws());
        final List<String> frames = SpotDecoders.subscribeFrames(decoder, protocol);
        acksPending = frames.size();
        for (final String frame : frames)
        {
            send(frame);
        }
        subscribeDeadlineNanos = now + settings.subscribeTimeoutMs() * NS_PER_MS;
        nextKeepaliveNanos = settings.keepaliveMs() > 0 ? now + settings.keepaliveMs() * NS_PER_MS : Long.MAX_VALUE;
        if (acksPending <= 0)
        {
            goLive(FeedReason.SUBSCRIBED, "subscribed (no acknowledgement expected)");
        }
    }

    void onHandshakeTimeout(final int id)
    {
        if (id == connId && connActive)
        {
            disconnect(FeedReason.TIMEOUT, "WebSocket handshake timed out after " + settings.handshakeTimeoutMs() + " ms", false);
        }
    }

    void onCloseFrame(final int id, final int code, final String text)
    {
        if (id == connId && connActive)
        {
            peerCloseDetail = "close frame " + code + (text == null || text.isEmpty() ? "" : " " + text);
            if (channel != null)
            {
                channel.close();
            }
        }
    }

    void onChannelClosed(final int id)
    {
        if (id != connId || !connActive)
        {
            return;
        }
        disconnect(FeedReason.PEER_CLOSED, peerCloseDetail != null ? peerCloseDetail : "connection closed by peer", false);
    }

    void onHandlerFailure(final int id, final Throwable cause)
    {
        LOG.warn("{}: connection {} failed: {}", name, id, describe(cause));
        if (id == connId && connActive)
        {
            disconnect(handshaken ? FeedReason.OTHER : FeedReason.CONNECT_FAILED, describe(cause), false);
        }
    }

    /**
     * Leaves the current connection (closing it if open) and schedules the next attempt: prompt when
     * the venue asked for it or a resync needs it, with growing backoff otherwise.
     */
    private void disconnect(final FeedReason why, final String text, final boolean prompt)
    {
        final long now = System.nanoTime();
        closeChannel(text);
        cancelSnapshotRetry();
        if (stopped)
        {
            return;
        }
        counters.reconnects++;
        setState(FeedState.DISCONNECTED, why, text);
        final long nowMs = now / NS_PER_MS;
        final long delay = prompt ? backoff.promptDelayMs(nowMs) : backoff.nextDelayMs(nowMs);
        if (delay <= 0)
        {
            // Through the loop's queue, never recursively: a connect that fails at once comes back here.
            reconnectTimer = loop.schedule(() -> connect(FeedReason.NONE, "reconnect"), 0, TimeUnit.MILLISECONDS);
        }
        else
        {
            setState(FeedState.BACKOFF, why, "reconnect in " + delay + " ms (attempt streak " + backoff.failures() + ")");
            reconnectTimer = loop.schedule(() -> connect(FeedReason.NONE, "reconnect"), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void closeChannel(final String text)
    {
        final Channel ch = channel;
        final boolean wasActive = connActive;
        channel = null;
        connActive = false;
        handshaken = false;
        liveSinceNanos = Long.MIN_VALUE;
        awaitingRebuild = false;
        resyncDeadlineNanos = 0;
        snapshotInFlight = false;
        if (wasActive)
        {
            capture.recordText(clock.nowNs(), settings.venue(), connId, FrameCapture.Kind.EVENT, false,
                settings.ws().toString(), "disconnect: " + text);
        }
        if (ch != null)
        {
            ch.close();
        }
    }

    private void goLive(final FeedReason why, final String text)
    {
        if (liveSinceNanos == Long.MIN_VALUE)
        {
            liveSinceNanos = System.nanoTime();
            backoffResetDone = false;
        }
        setState(FeedState.LIVE, why, text);
    }

    // ------------------------------------------------------------------ frames

    void onFrame(final int id, final ByteBuf content)
    {
        if (id != connId || !connActive || !handshaken)
        {
            return;
        }
        final long recvNs = clock.nowNs();
        lastMessageNanos = System.nanoTime();
        final int length = content.readableBytes();
        wrap(content, length);
        capture.record(recvNs, settings.venue(), id, FrameCapture.Kind.WS, true, null, view, 0, length);
        final int result;
        try
        {
            result = decoder.onFrame(view, 0, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            // A decoder bug must not kill the loop; its state may be half-updated, so rebuild.
            counters.badFrames++;
            LOG.error("{}: decoder threw on a {}-byte frame; resyncing", name, length, ex);
            resync(FeedReason.BAD_FRAME, "decoder failure: " + ex);
            return;
        }
        onResult(result, length);
    }

    private void wrap(final ByteBuf content, final int length)
    {
        if (content.hasMemoryAddress())
        {
            view.wrap(content.memoryAddress() + content.readerIndex(), length);
        }
        else if (content.hasArray())
        {
            view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
        }
        else
        {
            // Composite (aggregated fragments): one copy into a reusable buffer.
            copy.checkLimit(length);
            content.getBytes(content.readerIndex(), copy.byteArray(), 0, length);
            view.wrap(copy, 0, length);
        }
    }

    private void onResult(final int result, final int length)
    {
        switch (result)
        {
            case FrameResult.DATA:
                sawDataSinceConnect = true;
                badFramesInRow = 0;
                recoverFromStale();
                break;
            case FrameResult.IGNORED:
                badFramesInRow = 0;
                recoverFromStale();
                break;
            case FrameResult.SUBSCRIBED:
                badFramesInRow = 0;
                if (acksPending > 0 && --acksPending == 0 && state == FeedState.SUBSCRIBING)
                {
                    goLive(FeedReason.SUBSCRIBED, "subscriptions acknowledged");
                }
                recoverFromStale();
                break;
            case FrameResult.BAD_FRAME:
                badFramesInRow++;
                if (Long.bitCount(++badFrameLogCount) == 1)
                {
                    LOG.warn("{}: bad frame of {} bytes dropped ({} so far)", name, length, counters.badFrames);
                }
                if (badFramesInRow >= settings.maxBadFramesInRow())
                {
                    disconnect(FeedReason.BAD_FRAME, badFramesInRow + " bad frames in a row", true);
                }
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
                if (awaitingRebuild && settings.resyncAction() == VenueSettings.ResyncAction.RESUBSCRIBE)
                {
                    // Updates of the old subscription still in flight after a resubscribe, before the
                    // fresh snapshot: expected, not a new incident (counting it as one escalated a
                    // single bad checksum into "resyncs in a row" and a reconnect). The decoder
                    // ignores further updates until the snapshot; the resync deadline still guards.
                    break;
                }
                resync(FeedReason.SEQUENCE_GAP, "sequence gap: book invalid");
                break;
            case FrameResult.RESYNC_CHECKSUM:
                resync(FeedReason.CHECKSUM_MISMATCH, "book checksum mismatch: book invalid");
                break;
            case FrameResult.RESYNC_CROSSED:
                resync(FeedReason.CROSSED_BOOK, "crossed book: book invalid");
                break;
            case FrameResult.RECONNECT_REQUESTED:
                disconnect(FeedReason.RECONNECT_REQUESTED, "venue asked to reconnect", true);
                break;
            case FrameResult.VENUE_ERROR:
                LOG.warn("{}: venue reported an error", name);
                if (state == FeedState.SUBSCRIBING)
                {
                    disconnect(FeedReason.SUBSCRIBE_FAILED, "venue refused a subscription", false);
                }
                break;
            case FrameResult.NEEDS_SNAPSHOT:
                requestSnapshot();
                break;
            default:
                counters.badFrames++;
                break;
        }
    }

    void onPong(final int id)
    {
        if (id == connId && connActive)
        {
            lastMessageNanos = System.nanoTime();
        }
    }

    private void recoverFromStale()
    {
        if (state == FeedState.STALE)
        {
            if (awaitingRebuild)
            {
                setState(FeedState.RESYNCING, FeedReason.RECOVERED, "messages resumed; book still resyncing");
            }
            else
            {
                goLive(FeedReason.RECOVERED, "messages resumed");
            }
        }
    }

    private void send(final String text)
    {
        final Channel ch = channel;
        if (ch == null)
        {
            return;
        }
        capture.recordText(clock.nowNs(), settings.venue(), connId, FrameCapture.Kind.WS, false, null, text);
        ch.writeAndFlush(new TextWebSocketFrame(text));
    }

    // ------------------------------------------------------------------ resync

    private void resync(final FeedReason why, final String text)
    {
        counters.resyncs++;
        venueSink.mirror().invalidate();
        final long now = System.nanoTime();
        rapidResyncs = lastRebuildNanos != Long.MIN_VALUE
            && (now - lastRebuildNanos) / NS_PER_MS < settings.resyncTimeoutMs() ? rapidResyncs + 1 : 0;
        if (rapidResyncs >= MAX_RAPID_RESYNCS)
        {
            // The same fault right after every rebuild: stop hammering the venue, back off instead.
            rapidResyncs = 0;
            setState(FeedState.RESYNCING, why, text);
            disconnect(why, text + " (" + MAX_RAPID_RESYNCS + " resyncs in a row; backing off)", false);
            return;
        }
        switch (settings.resyncAction())
        {
            case RECONNECT:
                setState(FeedState.RESYNCING, why, text + "; reconnecting");
                disconnect(why, text, true);
                return;
            case RESUBSCRIBE:
                setState(FeedState.RESYNCING, why, text + "; resubscribing");
                resetDecoder("resubscribe");
                for (final String frame : protocol.resubscribeBookFrames())
                {
                    send(frame);
                }
                break;
            case REFETCH_SNAPSHOT:
                setState(FeedState.RESYNCING, why, text + "; fetching a new snapshot");
                resetDecoder("refetch snapshot");
                break;
            case AWAIT_SNAPSHOT:
            default:
                setState(FeedState.RESYNCING, why, text + "; waiting for the next full book");
                break;
        }
        awaitingRebuild = true;
        resyncDeadlineNanos = System.nanoTime() + settings.resyncTimeoutMs() * NS_PER_MS;
    }

    /** Called by the venue sink when a BookSnapshot's last part was published. */
    private void onBookRebuilt()
    {
        snapshotFailures = 0;
        lastRebuildNanos = System.nanoTime();
        if (!awaitingRebuild)
        {
            return;
        }
        awaitingRebuild = false;
        resyncDeadlineNanos = 0;
        if (state == FeedState.RESYNCING || state == FeedState.STALE)
        {
            goLive(FeedReason.SNAPSHOT, "book rebuilt from a fresh snapshot");
        }
    }

    // ------------------------------------------------------------------ REST: depth snapshot, listing

    private void requestSnapshot()
    {
        if (snapshotInFlight || snapshotRetryTimer != null || snapshotDecoder == null || protocol.snapshotUri() == null)
        {
            return;
        }
        snapshotInFlight = true;
        if (!awaitingRebuild)
        {
            awaitingRebuild = true;
            resyncDeadlineNanos = System.nanoTime() + settings.resyncTimeoutMs() * NS_PER_MS;
            if (state == FeedState.LIVE)
            {
                setState(FeedState.RESYNCING, FeedReason.SNAPSHOT, "fetching REST depth snapshot");
            }
        }
        final URI uri = protocol.snapshotUri();
        final int id = connId;
        capture.recordText(clock.nowNs(), settings.venue(), id, FrameCapture.Kind.HTTP, false, uri.toString(), "");
        http.get(uri, settings.requestTimeoutMs(), (code, body, failure) -> onSnapshotResponse(id, uri, code, body, failure));
    }

    private void onSnapshotResponse(final int id, final URI uri, final int code, final ByteBuf body, final Throwable failure)
    {
        if (id != connId || !connActive || stopped)
        {
            return;
        }
        snapshotInFlight = false;
        final long recvNs = clock.nowNs();
        if (failure != null || code != 200)
        {
            if (body != null)
            {
                recordHttp(recvNs, id, uri, code, body);
            }
            snapshotFailures++;
            final FeedReason why = code == 429 || code == 418 ? FeedReason.RATE_LIMITED
                : failure instanceof java.util.concurrent.TimeoutException ? FeedReason.TIMEOUT : FeedReason.HTTP_ERROR;
            final String text = "depth snapshot " + (failure != null ? describe(failure) : "HTTP " + code);
            setState(FeedState.RESYNCING, why, text);
            scheduleSnapshotRetry(retryDelay());
            return;
        }
        final int length = body.readableBytes();
        wrap(body, length);
        capture.recordHttp(recvNs, settings.venue(), id, FrameCapture.Kind.HTTP, true, uri.toString(), code, view, 0, length);
        final int result;
        try
        {
            result = snapshotDecoder.onSnapshot(view, 0, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("{}: snapshot decoder threw", name, ex);
            snapshotFailures++;
            scheduleSnapshotRetry(retryDelay());
            return;
        }
        if (result == FrameResult.NEEDS_SNAPSHOT)
        {
            // The snapshot is older than the first buffered diff: fetch again shortly.
            scheduleSnapshotRetry(settings.snapshotRetryMs());
        }
        else if (result != FrameResult.DATA)
        {
            snapshotFailures++;
            counters.badFrames++;
            setState(FeedState.RESYNCING, FeedReason.BAD_FRAME, "depth snapshot unusable: " + FrameResult.name(result));
            scheduleSnapshotRetry(retryDelay());
        }
    }

    private void recordHttp(final long recvNs, final int id, final URI uri, final int code, final ByteBuf body)
    {
        final int length = body.readableBytes();
        wrap(body, length);
        capture.recordHttp(recvNs, settings.venue(), id, FrameCapture.Kind.HTTP, true, uri.toString(), code, view, 0, length);
    }

    /**
     * Resets the decoder and records that in the capture, so an import resets at the same point and
     * reproduces the live events exactly.
     */
    private void resetDecoder(final String why)
    {
        decoder.reset();
        capture.recordText(clock.nowNs(), settings.venue(), connId, FrameCapture.Kind.EVENT, false, null, "reset: " + why);
    }

    private long retryDelay()
    {
        final int shift = Math.min(20, Math.max(0, snapshotFailures - 1));
        return Math.min(settings.snapshotMaxRetryMs(), settings.snapshotRetryMs() << shift);
    }

    private void scheduleSnapshotRetry(final long delayMs)
    {
        cancelSnapshotRetry();
        snapshotRetryTimer = loop.schedule(() ->
        {
            snapshotRetryTimer = null;
            if (connActive && handshaken && !stopped)
            {
                requestSnapshot();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void cancelSnapshotRetry()
    {
        if (snapshotRetryTimer != null)
        {
            snapshotRetryTimer.cancel(false);
            snapshotRetryTimer = null;
        }
    }

    private void checkListing(final URI uri)
    {
        setState(FeedState.CONNECTING, FeedReason.NONE, "checking listing: " + uri);
        capture.recordText(clock.nowNs(), settings.venue(), connId, FrameCapture.Kind.HTTP, false, uri.toString(), "");
        http.get(uri, settings.requestTimeoutMs(), (code, body, failure) ->
        {
            if (stopped)
            {
                return;
            }
            final String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
            if (body != null)
            {
                recordHttp(clock.nowNs(), connId, uri, code, body);
            }
            final ListingCheck.Outcome outcome = ListingCheck.evaluate(settings, code, text, failure);
            if (outcome.ok())
            {
                if (outcome.message() != null)
                {
                    LOG.warn("{}: {}", name, outcome.message());
                }
                connect(FeedReason.NONE, "listing ok");
            }
            else
            {
                LOG.error("{}: {}", name, outcome.message());
                stopped = true;
                setState(FeedState.STOPPED, outcome.reason(), outcome.message());
            }
        });
    }

    // ------------------------------------------------------------------ timers

    /** Periodic checks (silence, acknowledgement and resync deadlines, keepalive), every checkIntervalMs. */
    void housekeeping(final long now)
    {
        if (stopped || !connActive || !handshaken)
        {
            return;
        }
        if (state == FeedState.SUBSCRIBING && now - subscribeDeadlineNanos > 0)
        {
            if (sawDataSinceConnect)
            {
                // Some venues acknowledge differently than documented; data flowing is proof enough.
                goLive(FeedReason.SUBSCRIBED, "data flowing; " + acksPending + " acknowledgement(s) never came");
            }
            else
            {
                disconnect(FeedReason.SUBSCRIBE_FAILED,
                    "no acknowledgement within " + settings.subscribeTimeoutMs() + " ms", false);
                return;
            }
        }
        final long silentMs = (now - lastMessageNanos) / NS_PER_MS;
        if (silentMs >= settings.silenceReconnectMs())
        {
            disconnect(FeedReason.SILENCE, "no message for " + silentMs + " ms", false);
            return;
        }
        if (silentMs >= settings.silenceStaleMs() && state != FeedState.STALE)
        {
            setState(FeedState.STALE, FeedReason.SILENCE, "no message for " + silentMs + " ms");
        }
        if (resyncDeadlineNanos != 0 && now - resyncDeadlineNanos > 0)
        {
            disconnect(FeedReason.TIMEOUT, "book not rebuilt within " + settings.resyncTimeoutMs() + " ms", false);
            return;
        }
        if (now - nextKeepaliveNanos >= 0)
        {
            nextKeepaliveNanos = now + settings.keepaliveMs() * NS_PER_MS;
            final String ping = protocol.keepaliveFrame(keepaliveCounter++);
            if (ping != null)
            {
                send(ping);
            }
        }
        if (!backoffResetDone && liveSinceNanos != Long.MIN_VALUE
            && (now - liveSinceNanos) / NS_PER_MS >= settings.backoffResetAfterMs())
        {
            backoff.reset();
            backoffResetDone = true;
        }
    }

    private void cancelTimers()
    {
        if (reconnectTimer != null)
        {
            reconnectTimer.cancel(false);
            reconnectTimer = null;
        }
        cancelSnapshotRetry();
    }

    // ------------------------------------------------------------------ state

    private void setState(final FeedState newState, final FeedReason why, final String text)
    {
        if (newState == state && why == reason)
        {
            detail = text;
            return;
        }
        final long now = System.nanoTime();
        if (state == FeedState.LIVE && newState != FeedState.LIVE)
        {
            upNanos += now - liveAccrualStart;
        }
        else if (state != FeedState.LIVE && newState == FeedState.LIVE)
        {
            liveAccrualStart = now;
        }
        state = newState;
        reason = why;
        detail = text;
        LOG.info("{}: {} ({}) {}", name, newState, why, text);
        status.publish(clock.nowNs(), settings.venue(), newState, why, text);
    }

    private static String describe(final Throwable t)
    {
        if (t == null)
        {
            return "unknown failure";
        }
        final Throwable root = t.getCause() != null && t.getMessage() == null ? t.getCause() : t;
        return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }

    // ------------------------------------------------------------------ status

    VenueStatus snapshot(final long now)
    {
        final long frames = counters.frames > 0 ? counters.frames : 0;
        final double seconds = statusNanos == 0 ? 0 : (now - statusNanos) / 1e9;
        final double rate = seconds > 0 ? (frames - statusFrames) / seconds : 0;
        statusFrames = frames;
        statusNanos = now;
        long up = upNanos;
        if (state == FeedState.LIVE)
        {
            up += now - liveAccrualStart;
        }
        final BookMirror mirror = venueSink.mirror();
        return new VenueStatus(
            settings.venue(), state, reason, detail, rate,
            lastMessageNanos == Long.MIN_VALUE ? -1 : (now - lastMessageNanos) / NS_PER_MS,
            mirror.valid(), mirror.book().bestBid(), mirror.book().bestAsk(),
            mirror.book().bidDepth(), mirror.book().askDepth(),
            counters.frames, counters.bytes, venueSink.events(), counters.badFrames, counters.reconnects,
            counters.resyncs, up / NS_PER_MS, venueSink.takeIntervalLatency(), venueSink.totalLatencyCopy());
    }

    public Venue venue()
    {
        return settings.venue();
    }

    public FeedState state()
    {
        return state;
    }

    FeedDecoder decoder()
    {
        return decoder;
    }

    BookMirror mirror()
    {
        return venueSink.mirror();
    }

    VenueSettings settings()
    {
        return settings;
    }
}
