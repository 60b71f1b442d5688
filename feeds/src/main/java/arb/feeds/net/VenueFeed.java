package arb.feeds.net;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.venue.SpotFeedDecoder;
import arb.journal.EventSink;
import arb.market.book.PriceLevelBook;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import org.agrona.DirectBuffer;
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
 * <p>Single-threaded: every method runs on the event loop (handlers and timers are on it). The
 * connection itself (Netty pipeline, connection ids, last traffic, reconnect timer) is a
 * {@link WebSocketSession}, which drops events of old connections and hands frames to the decoder
 * straight from Netty's buffer (wrapped, not copied, when it is contiguous); {@link VenueSessionEvents}
 * maps its events onto this life cycle. Resyncs and REST depth snapshots are {@link VenueBookSync}'s,
 * the published state and status line figures {@link VenueFeedState}'s.
 */
final class VenueFeed
{
    private static final Logger LOG = LoggerFactory.getLogger(VenueFeed.class);
    private static final long NS_PER_MS = 1_000_000L;
    private static final PriceLevelBook NO_BOOK = new PriceLevelBook(1);

    private final VenueConfig settings;
    private final VenueProtocol protocol;
    private final FeedDecoder decoder;
    /** The decoder's book (status line figures), when it keeps one. */
    private final SpotFeedDecoder spotDecoder;
    private final FeedCounters counters;
    private final VenueEventSink venueSink;
    private final VenueFeedState state;
    private final VenueBookSync bookSync;
    private final ReceiveClock clock;
    private final FrameCapture capture;
    private final HttpGetClient http;
    private final ReconnectBackoff backoff;
    private final VenueSessionEvents sessionEvents;
    private final WebSocketSession session;
    private final String userAgent;
    private final String name;

    private boolean started;
    private boolean stopped;

    private long subscribeDeadlineNanos;
    private int acksPending;
    private boolean sawDataSinceConnect;
    private long liveSinceNanos = Long.MIN_VALUE;
    private boolean backoffResetDone;
    private int badFramesInRow;
    private long nextKeepaliveNanos;
    private long keepaliveCounter;
    private long badFrameLogCount;

    VenueFeed(
        final VenueConfig settings, final EventLoop loop, final EventSink loopSink, final DecoderFactory decoders,
        final FeedStatusPublisher status, final ReceiveClock clock, final FrameCapture capture, final HttpGetClient http,
        final Class<? extends SocketChannel> channelClass, final AddressResolverGroup<?> resolver,
        final SslContext sslContext, final FeedsConfig config, final long seed)
    {
        this.settings = settings;
        this.protocol = VenueProtocol.of(settings);
        this.state = new VenueFeedState(settings.venue(), settings.name(), status, clock);
        this.clock = clock;
        this.capture = capture == null ? FrameCapture.NONE : capture;
        this.http = http;
        this.userAgent = config.userAgent();
        this.name = settings.name();
        this.venueSink = new VenueEventSink(loopSink, this::onBookRebuilt);
        this.decoder = decoders.create(settings, venueSink);
        this.spotDecoder = decoder instanceof SpotFeedDecoder ? (SpotFeedDecoder)decoder : null;
        this.counters = decoder.counters();
        this.backoff = ReconnectBackoff.of(settings, new SplittableRandom(seed ^ settings.venue().value()));
        this.sessionEvents = new VenueSessionEvents(this, settings);
        this.session = new WebSocketSession(loop, channelClass, resolver, sslContext, settings.connectTimeoutMs(),
            settings.handshakeTimeoutMs(), config.maxFrameBytes(), settings.compression(), sessionEvents);
        this.bookSync = new VenueBookSync(this, settings, protocol, loop, decoder, state, session, clock,
            this.capture, http);
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
        state.set(FeedState.STOPPED, FeedReason.SHUTDOWN, "feed stopped");
    }

    // ------------------------------------------------------------------ connection life cycle

    private void connect(final FeedReason why, final String note)
    {
        if (stopped)
        {
            return;
        }
        try
        {
            startConnection(why, note);
        }
        catch (final RuntimeException ex)
        {
            // e.g. an endpoint that cannot be parsed or a pipeline that cannot be built: back off and retry.
            LOG.error("{}: cannot start a connection", name, ex);
            disconnect(FeedReason.CONNECT_FAILED, describe(ex), false);
        }
    }

    private void startConnection(final FeedReason why, final String note)
    {
        final URI uri = settings.ws();
        final int id = session.begin();
        sessionEvents.reset();
        backoff.recordAttempt(System.nanoTime() / NS_PER_MS);
        state.set(FeedState.CONNECTING, why, note + ": " + uri);
        capture.recordText(clock.nowNs(), settings.venue(), id, FrameCapture.Kind.EVENT, false, uri.toString(), "connect");
        session.dial(uri, new DefaultHttpHeaders().set(HttpHeaderNames.USER_AGENT, userAgent));
    }

    /** The handshake completed: subscribe. */
    void onOpen()
    {
        final long now = session.lastTrafficNanos();
        sawDataSinceConnect = false;
        badFramesInRow = 0;
        bookSync.clear();
        bookSync.resetDecoder("connected");
        state.set(FeedState.SUBSCRIBING, FeedReason.CONNECTED, "connected to " + settings.ws());
        final List<String> frames = SpotDecoders.subscribeFrames(decoder, protocol);
        acksPending = protocol.firstDataIsAck() ? 1 : frames.size();
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

    /**
     * Leaves the current connection (closing it if open) and schedules the next attempt: prompt when
     * the venue asked for it or a resync needs it, with growing backoff otherwise.
     */
    void disconnect(final FeedReason why, final String text, final boolean prompt)
    {
        final long now = System.nanoTime();
        closeChannel(text);
        bookSync.cancelSnapshotRetry();
        if (stopped)
        {
            return;
        }
        counters.reconnect();
        state.set(FeedState.DISCONNECTED, why, text);
        final long nowMs = now / NS_PER_MS;
        final long delay;
        if (why == FeedReason.RECONNECT_REQUESTED)
        {
            // The venue asked (Bitstamp bts:request_reconnect, close 1012): at once, only the attempt cap applies.
            delay = backoff.windowWaitMs(nowMs);
        }
        else
        {
            delay = prompt ? backoff.promptDelayMs(nowMs) : backoff.nextDelayMs(nowMs);
        }
        if (delay <= 0)
        {
            // Through the loop's queue, never recursively: a connect that fails at once comes back here.
            session.scheduleReconnect(() -> connect(FeedReason.NONE, "reconnect"), 0);
        }
        else
        {
            state.set(FeedState.BACKOFF, why, "reconnect in " + delay + " ms (attempt streak " + backoff.failures() + ")");
            session.scheduleReconnect(() -> connect(FeedReason.NONE, "reconnect"), delay);
        }
    }

    private void closeChannel(final String text)
    {
        final boolean wasActive = session.close();
        liveSinceNanos = Long.MIN_VALUE;
        bookSync.clear();
        if (wasActive)
        {
            capture.recordText(clock.nowNs(), settings.venue(), session.id(), FrameCapture.Kind.EVENT, false,
                settings.ws().toString(), "disconnect: " + text);
        }
    }

    /** Called by the venue sink when a BookSnapshot's last part was published. */
    private void onBookRebuilt()
    {
        bookSync.onBookRebuilt();
    }

    void goLive(final FeedReason why, final String text)
    {
        if (liveSinceNanos == Long.MIN_VALUE)
        {
            liveSinceNanos = System.nanoTime();
            backoffResetDone = false;
        }
        state.set(FeedState.LIVE, why, text);
    }

    // ------------------------------------------------------------------ frames

    void onFrame(final DirectBuffer frame, final int offset, final int length)
    {
        final long recvNs = clock.nowNs();
        capture.record(recvNs, settings.venue(), session.id(), FrameCapture.Kind.WS, true, null, frame, offset, length);
        final int result;
        try
        {
            result = decoder.onFrame(frame, offset, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            // A decoder bug must not kill the loop; its state may be half-updated, so rebuild.
            counters.badFrame();
            LOG.error("{}: decoder threw on a {}-byte frame; resyncing", name, length, ex);
            bookSync.resync(FeedReason.BAD_FRAME, "decoder failure: " + ex);
            return;
        }
        onResult(result, length);
    }

    private void onResult(final int result, final int length)
    {
        switch (result)
        {
            case FrameResult.DATA:
                sawDataSinceConnect = true;
                badFramesInRow = 0;
                if (acksPending > 0 && protocol.firstDataIsAck() && --acksPending == 0
                    && state.state() == FeedState.SUBSCRIBING)
                {
                    goLive(FeedReason.SUBSCRIBED, "first data received (the venue acknowledges nothing)");
                }
                recoverFromStale();
                break;
            case FrameResult.IGNORED:
                badFramesInRow = 0;
                recoverFromStale();
                break;
            case FrameResult.SUBSCRIBED:
                badFramesInRow = 0;
                if (acksPending > 0 && --acksPending == 0 && state.state() == FeedState.SUBSCRIBING)
                {
                    goLive(FeedReason.SUBSCRIBED, "subscriptions acknowledged");
                }
                recoverFromStale();
                break;
            case FrameResult.BAD_FRAME:
                badFramesInRow++;
                if (Long.bitCount(++badFrameLogCount) == 1)
                {
                    LOG.warn("{}: bad frame of {} bytes dropped ({} so far)", name, length, counters.badFrames());
                }
                if (badFramesInRow >= settings.maxBadFramesInRow())
                {
                    disconnect(FeedReason.BAD_FRAME, badFramesInRow + " bad frames in a row", true);
                }
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
                if (bookSync.awaitingRebuild() && settings.resyncAction() == VenueConfig.ResyncAction.RESUBSCRIBE)
                {
                    // Updates of the old subscription still in flight after a resubscribe, before the
                    // fresh snapshot: expected, not a new incident (counting it as one escalated a
                    // single bad checksum into "resyncs in a row" and a reconnect). The decoder
                    // ignores further updates until the snapshot; the resync deadline still guards.
                    break;
                }
                bookSync.resync(FeedReason.SEQUENCE_GAP, "sequence gap: book invalid");
                break;
            case FrameResult.RESYNC_CHECKSUM:
                bookSync.resync(FeedReason.CHECKSUM_MISMATCH, "book checksum mismatch: book invalid");
                break;
            case FrameResult.RESYNC_CROSSED:
                bookSync.resync(FeedReason.CROSSED_BOOK, "crossed book: book invalid");
                break;
            case FrameResult.RECONNECT_REQUESTED:
                disconnect(FeedReason.RECONNECT_REQUESTED, "venue asked to reconnect", true);
                break;
            case FrameResult.VENUE_ERROR:
                LOG.warn("{}: venue reported an error", name);
                if (state.state() == FeedState.SUBSCRIBING)
                {
                    disconnect(FeedReason.SUBSCRIBE_FAILED, "venue refused a subscription", false);
                }
                break;
            case FrameResult.NEEDS_SNAPSHOT:
                bookSync.requestSnapshot();
                break;
            default:
                counters.badFrame();
                break;
        }
    }

    private void recoverFromStale()
    {
        if (state.state() == FeedState.STALE)
        {
            if (bookSync.awaitingRebuild())
            {
                state.set(FeedState.RESYNCING, FeedReason.RECOVERED, "messages resumed; book still resyncing");
            }
            else
            {
                goLive(FeedReason.RECOVERED, "messages resumed");
            }
        }
    }

    void send(final String text)
    {
        if (!session.hasChannel())
        {
            return;
        }
        capture.recordText(clock.nowNs(), settings.venue(), session.id(), FrameCapture.Kind.WS, false, null, text);
        session.sendText(text);
    }

    // ------------------------------------------------------------------ listing

    private void checkListing(final URI uri)
    {
        state.set(FeedState.CONNECTING, FeedReason.NONE, "checking listing: " + uri);
        capture.recordText(clock.nowNs(), settings.venue(), session.id(), FrameCapture.Kind.HTTP, false, uri.toString(), "");
        http.get(uri, settings.requestTimeoutMs(), (code, body, failure) ->
        {
            if (stopped)
            {
                return;
            }
            final String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
            if (body != null)
            {
                bookSync.recordHttp(clock.nowNs(), session.id(), uri, code, body);
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
                state.set(FeedState.STOPPED, outcome.reason(), outcome.message());
            }
        });
    }

    // ------------------------------------------------------------------ timers

    /** Periodic checks (silence, acknowledgement and resync deadlines, keepalive), every checkIntervalMs. */
    void housekeeping(final long now)
    {
        if (stopped || !session.active() || !session.handshaken())
        {
            return;
        }
        if (state.state() == FeedState.SUBSCRIBING && now - subscribeDeadlineNanos > 0)
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
        final long silentMs = (now - session.lastTrafficNanos()) / NS_PER_MS;
        if (silentMs >= settings.silenceReconnectMs())
        {
            disconnect(FeedReason.SILENCE, "no message for " + silentMs + " ms", false);
            return;
        }
        if (silentMs >= settings.silenceStaleMs() && state.state() != FeedState.STALE)
        {
            state.set(FeedState.STALE, FeedReason.SILENCE, "no message for " + silentMs + " ms");
        }
        if (bookSync.overdue(now))
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
        session.cancelReconnect();
        bookSync.cancelSnapshotRetry();
    }

    static String describe(final Throwable t)
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
        final double rate = state.frameRate(counters.frames(), now);
        final PriceLevelBook book = book();
        return new VenueStatus(
            settings.venue(), state.state(), state.reason(), state.detail(), rate,
            session.lastTrafficNanos() == Long.MIN_VALUE ? -1 : (now - session.lastTrafficNanos()) / NS_PER_MS,
            bookValid(), book.bestBid(), book.bestAsk(), book.bidDepth(), book.askDepth(),
            counters.frames(), counters.bytes(), venueSink.events(), counters.badFrames(), counters.reconnects(),
            counters.resyncs(), state.upMs(now), venueSink.takeIntervalLatency(), venueSink.totalLatencyCopy());
    }

    public Venue venue()
    {
        return settings.venue();
    }

    public FeedState state()
    {
        return state.state();
    }

    boolean stopped()
    {
        return stopped;
    }

    FeedDecoder decoder()
    {
        return decoder;
    }

    /** The decoder's book (an empty one for a decoder that keeps none); read it on the loop. */
    PriceLevelBook book()
    {
        return spotDecoder != null ? spotDecoder.book() : NO_BOOK;
    }

    /** Whether the decoder's book holds a complete snapshot plus updates. */
    boolean bookValid()
    {
        return spotDecoder != null && spotDecoder.isBookValid();
    }

    VenueConfig settings()
    {
        return settings;
    }

    WebSocketSession session()
    {
        return session;
    }
}
