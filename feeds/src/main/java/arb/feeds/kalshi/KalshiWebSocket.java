package arb.feeds.kalshi;

import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import arb.feeds.FrameResult;
import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.net.ReconnectBackoff;
import arb.feeds.net.Transports;
import arb.feeds.net.WebSocketSession;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Series;
import arb.sbe.Venue;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi's WebSocket (Trade API v2) on the engine's I/O event loop. With a key it signs the
 * handshake ({@link KalshiSigner}) and subscribes {@code orderbook_delta} and {@code ticker} for the
 * markets the poller follows closely ({@link KalshiSelection}), {@code market_lifecycle_v2}, and
 * {@code cfbenchmarks_value} for BRTI. Without a key it tries the channels Kalshi has documented as
 * public ({@code ticker}, {@code market_lifecycle_v2}); if the connection or those channels are
 * refused, the engine runs on REST polling alone. Which of these applies is logged once.
 *
 * <p>Order book subscriptions follow the selection (rollovers, KXBTCD strike changes): the old
 * subscription is dropped and a new one brings fresh snapshots. A sequence gap (the decoder's
 * {@link FrameResult#RESYNC_SEQUENCE_GAP}) publishes RESYNCING and resubscribes the order book channel.
 * Silence, peer close and failures reconnect with exponential backoff; every state change is a
 * FeedStatus event (the engine invalidates WebSocket books on CONNECTING, DISCONNECTED, BACKOFF,
 * RESYNCING and STOPPED). The connection itself (pipeline, connection ids, last traffic, pings, the
 * reconnect timer) is a {@link WebSocketSession}, the one the spot venues use, whose events
 * {@link KalshiSessionEvents} maps onto this life cycle; the channel subscriptions and their
 * acknowledgements are {@link KalshiSubscriptions}. Single-threaded: all of it runs on the loop.
 *
 * <p>With a {@link FrameCapture}, every text frame received (before it is decoded, with the receive
 * time the decoder gets) and sent is recorded, with each connect and disconnect, and every call that
 * changes the decoder's state outside a frame: {@code reset} (new connection), {@code forget: sid N}
 * (a subscription's sequence dropped), and once at start {@code series: ...} (which series it
 * publishes), so that {@link KalshiCaptureImporter} reproduces the decoder's events exactly. The
 * handshake's headers (key id, timestamp, signature) are never recorded.
 */
public final class KalshiWebSocket
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    private static final long NS_PER_MS = 1_000_000L;

    private final EventLoop loop;
    private final KalshiEventPublisher publisher;
    private final KalshiWsDecoder decoder;
    private final ReceiveClock clock;
    private final KalshiFeedConfig config;
    private final KalshiSigner signer;
    private final WebSocketSession session;
    private final KalshiSubscriptions subscriptions;
    private final KalshiStatusReporter status;
    private final ReconnectBackoff backoff;
    private final FrameCapture capture;

    private boolean started;
    private boolean stopped;
    private boolean restOnly;
    private boolean modeAnnounced;
    private ScheduledFuture<?> housekeeping;
    private long nextPingNanos;
    private long subscribeDeadlineNanos;

    private long frames;
    private long gaps;
    private long reconnects;

    public KalshiWebSocket(
        final EventLoop loop, final KalshiEventPublisher publisher, final ReceiveClock clock,
        final KalshiFeedConfig config, final KalshiSigner signer, final KalshiSelection selection,
        final SslContext ssl, final AddressResolverGroup<?> resolver)
    {
        this(loop, publisher, clock, config, signer, selection, ssl, resolver, null);
    }

    /**
     * @param capture raw frame capture, or null / {@link FrameCapture#NONE}
     */
    public KalshiWebSocket(
        final EventLoop loop, final KalshiEventPublisher publisher, final ReceiveClock clock,
        final KalshiFeedConfig config, final KalshiSigner signer, final KalshiSelection selection,
        final SslContext ssl, final AddressResolverGroup<?> resolver, final FrameCapture capture)
    {
        this.capture = capture == null ? FrameCapture.NONE : capture;
        this.loop = loop;
        this.publisher = publisher;
        this.decoder = new KalshiWsDecoder(publisher, 4 * 1024, config.series().toArray(new arb.sbe.Series[0]));
        this.clock = clock;
        this.config = config;
        this.signer = signer;
        this.session = new WebSocketSession(loop, Transports.socketChannel(loop), resolver, ssl,
            config.wsConnectTimeoutMs(), config.wsHandshakeTimeoutMs(), config.maxFrameBytes(), false,
            new KalshiSessionEvents(this));
        this.subscriptions = new KalshiSubscriptions(selection, signer != null, this::send, this::forgetSid);
        this.status = new KalshiStatusReporter(publisher, "ws");
        this.backoff = new ReconnectBackoff(config.wsBackoffInitialMs(),
            Math.max(config.wsBackoffInitialMs(), config.wsBackoffMaxMs()), 0, 60, 600_000, new SplittableRandom(23));
    }

    public void start()
    {
        loop.execute(() ->
        {
            if (started || stopped)
            {
                return;
            }
            started = true;
            recordEvent(0, null, "series: " + seriesNames());
            housekeeping = loop.scheduleAtFixedRate(this::housekeeping, config.housekeepingMs(),
                config.housekeepingMs(), TimeUnit.MILLISECONDS);
            connect("start");
        });
    }

    public void stop()
    {
        if (loop.inEventLoop())
        {
            stopOnLoop();
        }
        else
        {
            loop.submit(this::stopOnLoop).syncUninterruptibly();
        }
    }

    private void stopOnLoop()
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        if (housekeeping != null)
        {
            housekeeping.cancel(false);
        }
        session.cancelReconnect();
        closeChannel("stopped");
        if (started && !restOnly)
        {
            status.report(clock.nowNs(), FeedState.STOPPED, FeedReason.SHUTDOWN, "WebSocket stopped");
        }
    }

    // ------------------------------------------------------------------ connection

    private void connect(final String why)
    {
        if (stopped || restOnly)
        {
            return;
        }
        final URI uri = config.ws();
        final int id = session.begin();
        status.report(clock.nowNs(), FeedState.CONNECTING, FeedReason.NONE, why + ": " + uri);
        recordEvent(id, uri.toString(), "connect");

        final HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.USER_AGENT, config.userAgent());
        if (signer != null)
        {
            // Kalshi checks the signature's timestamp against real time, not the engine's receive clock.
            final long timestampMs = System.currentTimeMillis();
            headers.set(KalshiSigner.HEADER_KEY, signer.keyId())
                .set(KalshiSigner.HEADER_TIMESTAMP, Long.toString(timestampMs))
                .set(KalshiSigner.HEADER_SIGNATURE, signer.signWebSocket(timestampMs));
        }
        session.dial(uri, headers);
    }

    void onOpen()
    {
        nextPingNanos = session.lastTrafficNanos() + config.wsPingMs() * NS_PER_MS;
        decoder.reset();
        recordEvent(session.id(), null, "reset: handshake");
        subscriptions.reset();
        status.report(clock.nowNs(), FeedState.SUBSCRIBING, FeedReason.CONNECTED,
            (signer != null ? "authenticated" : "no API key") + ", subscribing");
        subscriptions.subscribeAll();
        subscribeDeadlineNanos = System.nanoTime() + config.wsSubscribeTimeoutMs() * NS_PER_MS;
    }

    /** Writes a command frame, if the connection is up, and records it. */
    private void send(final String text)
    {
        if (session.channelActive())
        {
            session.sendText(text);
            capture.recordText(clock.nowNs(), Venue.KALSHI, session.id(), FrameCapture.Kind.WS, false, null, text);
        }
    }

    /** Resubscribes the selected markets' order books and tickers; a command sent restarts the deadline. */
    private void resubscribeMarkets()
    {
        if (subscriptions.resubscribeMarkets())
        {
            subscribeDeadlineNanos = System.nanoTime() + config.wsSubscribeTimeoutMs() * NS_PER_MS;
        }
    }

    /** Drops a subscription's sequence state, and says so in the capture (an import must do the same). */
    private void forgetSid(final long sid)
    {
        decoder.forgetSid(sid);
        recordEvent(session.id(), null, "forget: sid " + sid);
    }

    private void recordEvent(final int conn, final String url, final String text)
    {
        if (capture != FrameCapture.NONE)
        {
            capture.recordText(clock.nowNs(), Venue.KALSHI, conn, FrameCapture.Kind.EVENT, false, url, text);
        }
    }

    /** The series the decoder publishes, as the capture's {@code series:} event names them. */
    private String seriesNames()
    {
        final StringBuilder sb = new StringBuilder(32);
        for (final Series s : config.series())
        {
            sb.append(sb.length() > 0 ? "," : "").append(s.name());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ frames

    void onFrame(final DirectBuffer frame, final int offset, final int length)
    {
        frames++;
        final long recvNs = clock.nowNs();
        capture.record(recvNs, Venue.KALSHI, session.id(), FrameCapture.Kind.WS, true, null, frame, offset, length);
        final int result = decoder.onFrame(frame, offset, length, recvNs);
        switch (result)
        {
            case FrameResult.SUBSCRIBED:
                onSubscribed(recvNs);
                break;
            case FrameResult.VENUE_ERROR:
                onVenueError(recvNs);
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
                onGap(recvNs, decoder.lastSid());
                break;
            case FrameResult.DATA:
                if (status.state() == FeedState.RESYNCING && decoder.lastSid() == subscriptions.bookSid())
                {
                    status.report(recvNs, FeedState.LIVE, FeedReason.SNAPSHOT, "order books resubscribed");
                }
                break;
            default:
                break;
        }
    }

    private void onSubscribed(final long recvNs)
    {
        if (subscriptions.onSubscribed(decoder))
        {
            announceMode();
            if (status.state() != FeedState.LIVE)
            {
                status.report(recvNs, FeedState.LIVE, FeedReason.SUBSCRIBED, "subscribed " + subscriptions.accepted());
            }
        }
    }

    private void onVenueError(final long recvNs)
    {
        final long command = decoder.lastId();
        LOG.warn("kalshi WebSocket refused {} (error code {})", subscriptions.describe(command), decoder.lastErrorCode());
        if (subscriptions.onRefused(command))
        {
            final List<String> accepted = subscriptions.accepted();
            final List<String> refused = subscriptions.refused();
            if (accepted.isEmpty() && signer == null)
            {
                goRestOnly(recvNs, "the WebSocket refused every public channel (" + refused + ")");
                return;
            }
            announceMode();
            status.report(recvNs, FeedState.LIVE, FeedReason.SUBSCRIBED, "subscribed " + accepted + ", refused " + refused);
        }
    }

    private void onGap(final long recvNs, final long sid)
    {
        gaps++;
        status.report(recvNs, FeedState.RESYNCING, FeedReason.SEQUENCE_GAP,
            "sequence gap on subscription " + sid + ": order books resubscribed");
        if (subscriptions.onGap(sid))
        {
            subscribeDeadlineNanos = System.nanoTime() + config.wsSubscribeTimeoutMs() * NS_PER_MS;
        }
    }

    private void announceMode()
    {
        if (modeAnnounced)
        {
            return;
        }
        modeAnnounced = true;
        final List<String> accepted = subscriptions.accepted();
        final List<String> refused = subscriptions.refused();
        if (signer != null)
        {
            LOG.info("kalshi: authenticated WebSocket, channels {}{}", accepted,
                refused.isEmpty() ? "" : ", refused " + refused);
        }
        else
        {
            LOG.info("kalshi: no API key; WebSocket public channels {} accepted{}; order books come from REST polling",
                accepted, refused.isEmpty() ? "" : " (refused " + refused + ")");
        }
    }

    private void goRestOnly(final long recvNs, final String why)
    {
        restOnly = true;
        if (!modeAnnounced)
        {
            modeAnnounced = true;
            LOG.info("kalshi: no API key and {}: running on REST polling alone (set {}apiKeyId and {}privateKeyPath, "
                + "or {} and {}, for order book deltas and the BRTI relay)", why, KalshiFeedConfig.PREFIX,
                KalshiFeedConfig.PREFIX, KalshiSigner.ENV_KEY_ID, KalshiSigner.ENV_KEY_PATH);
        }
        closeChannel("REST polling alone");
        status.report(recvNs, FeedState.STOPPED, FeedReason.AUTH_FAILED, "REST polling alone: " + why);
    }

    // ------------------------------------------------------------------ housekeeping and failures

    private void housekeeping()
    {
        if (stopped || restOnly)
        {
            return;
        }
        try
        {
            final long nanos = System.nanoTime();
            if (!session.handshaken() || !session.hasChannel())
            {
                return;
            }
            if (nanos - session.lastTrafficNanos() > config.wsSilenceMs() * NS_PER_MS)
            {
                disconnect(FeedReason.SILENCE, "no message for " + config.wsSilenceMs() + " ms", false);
                return;
            }
            if (subscriptions.acksPending() > 0 && nanos > subscribeDeadlineNanos)
            {
                disconnect(FeedReason.SUBSCRIBE_FAILED, "subscriptions not acknowledged within "
                    + config.wsSubscribeTimeoutMs() + " ms", false);
                return;
            }
            if (config.wsPingMs() > 0 && nanos >= nextPingNanos)
            {
                nextPingNanos = nanos + config.wsPingMs() * NS_PER_MS;
                session.ping();
            }
            if (subscriptions.selectionChanged())
            {
                resubscribeMarkets();
            }
            if (status.state() == FeedState.LIVE && backoff.failures() > 0 && nanos - session.lastTrafficNanos() < NS_PER_MS)
            {
                backoff.reset();
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("kalshi WebSocket housekeeping failed", ex);
        }
    }

    void onHandshakeFailure(final Throwable cause)
    {
        int code = 0;
        if (cause instanceof WebSocketClientHandshakeException
            && ((WebSocketClientHandshakeException)cause).response() != null)
        {
            code = ((WebSocketClientHandshakeException)cause).response().status().code();
        }
        final long recvNs = clock.nowNs();
        if (code == 401 || code == 403)
        {
            if (signer == null)
            {
                goRestOnly(recvNs, "the WebSocket refused an unauthenticated connection (HTTP " + code + ")");
                return;
            }
            LOG.warn("kalshi WebSocket refused the signed handshake (HTTP {}): check the key id, the PEM file and the "
                + "system clock; retrying in {} ms", code, config.authRetryMs());
            closeChannel("handshake refused (HTTP " + code + ")");
            status.report(recvNs, FeedState.BACKOFF, FeedReason.AUTH_FAILED, "handshake refused (HTTP " + code
                + "); retry in " + config.authRetryMs() + " ms");
            session.scheduleReconnect(() -> connect("reconnect"), config.authRetryMs());
            return;
        }
        disconnect(FeedReason.CONNECT_FAILED, "handshake failed: " + describe(cause), false);
    }

    void disconnect(final FeedReason why, final String text, final boolean prompt)
    {
        closeChannel(why + " " + text);
        if (stopped || restOnly)
        {
            return;
        }
        reconnects++;
        final long recvNs = clock.nowNs();
        status.report(recvNs, FeedState.DISCONNECTED, why, text);
        final long nowMs = System.nanoTime() / NS_PER_MS;
        final long delay = prompt ? backoff.promptDelayMs(nowMs) : backoff.nextDelayMs(nowMs);
        backoff.recordAttempt(nowMs);
        status.report(recvNs, FeedState.BACKOFF, why, "reconnect in " + delay + " ms");
        session.scheduleReconnect(() -> connect("reconnect"), Math.max(1, delay));
    }

    private void closeChannel(final String why)
    {
        final int id = session.id();
        if (session.close())
        {
            recordEvent(id, config.ws().toString(), "disconnect: " + why);
        }
        session.skipId();
    }

    static String describe(final Throwable t)
    {
        if (t == null)
        {
            return "unknown";
        }
        final String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    // ------------------------------------------------------------------ observation

    /** Current WebSocket state (read on the loop). */
    public FeedState state()
    {
        return status.state();
    }

    /** True once the feed decided to run on REST alone (no key, WebSocket refused). */
    public boolean restOnly()
    {
        return restOnly;
    }

    public long frames()
    {
        return frames;
    }

    public long gaps()
    {
        return gaps;
    }

    public long reconnects()
    {
        return reconnects;
    }

    public KalshiWsDecoder decoder()
    {
        return decoder;
    }

    WebSocketSession session()
    {
        return session;
    }

    KalshiFeedConfig config()
    {
        return config;
    }
}
