package arb.sim.kalshi;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import arb.feeds.ReceiveClock;
import arb.feeds.kalshi.KalshiSigner;
import arb.sim.market.KalshiMarketView;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The Kalshi simulator's WebSocket endpoint: the handshake, whose RSA-PSS signature is verified
 * against the configured public key, and its open sessions, to which market, lifecycle and BRTI
 * updates are broadcast (each through its {@link KalshiConnection}). Runs on the simulator's loop.
 */
final class KalshiWebSocket implements SimRoutes.WebSocketRoute
{
    private final ReceiveClock clock;
    private final KalshiSim.Config settings;
    private final KalshiMarkets markets;
    private final KalshiFaults faults;
    private final List<SimSession> sessions = new ArrayList<>();
    private final AtomicLong refusedHandshakes = new AtomicLong();

    KalshiWebSocket(
        final ReceiveClock clock, final KalshiSim.Config settings, final KalshiMarkets markets, final KalshiFaults faults)
    {
        this.clock = clock;
        this.settings = settings;
        this.markets = markets;
        this.faults = faults;
    }

    @Override
    public HttpResponseStatus authorize(final HttpHeaders headers, final QueryStringDecoder uri)
    {
        final int verdict = verify(headers);
        if (verdict < 0 || (verdict == 0 && settings.verifyKey != null && !settings.allowUnauthenticated))
        {
            refusedHandshakes.incrementAndGet();
            return HttpResponseStatus.UNAUTHORIZED;
        }
        return null;
    }

    /** 1: a valid signature; 0: no signature headers; -1: a signature that does not verify. */
    private int verify(final HttpHeaders headers)
    {
        final String key = headers.get(KalshiSigner.HEADER_KEY);
        final String ts = headers.get(KalshiSigner.HEADER_TIMESTAMP);
        final String signature = headers.get(KalshiSigner.HEADER_SIGNATURE);
        if (key == null && ts == null && signature == null)
        {
            return 0;
        }
        if (settings.verifyKey == null)
        {
            return 1;
        }
        if (key == null || ts == null || signature == null)
        {
            return -1;
        }
        try
        {
            if (Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > settings.signatureSkewMs)
            {
                return -1;
            }
            final Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(KalshiSigner.PSS);
            verifier.initVerify(settings.verifyKey);
            verifier.update((ts + "GET" + KalshiSigner.WS_PATH).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(java.util.Base64.getDecoder().decode(signature)) ? 1 : -1;
        }
        catch (final Exception ex)
        {
            return -1;
        }
    }

    @Override
    public void onOpen(final SimSession session)
    {
        session.state(new KalshiConnection(
            session, verify(session.headers()) == 1 || settings.verifyKey == null, markets, faults));
        sessions.add(session);
    }

    @Override
    public void onClose(final SimSession session)
    {
        sessions.remove(session);
    }

    @Override
    public void onText(final SimSession session, final String text)
    {
        session.state(KalshiConnection.class).onCommand(text, clock.nowNs());
    }

    int sessionCount()
    {
        return sessions.size();
    }

    long refusedHandshakes()
    {
        return refusedHandshakes.get();
    }

    /** A market changed: its lifecycle events (created, determined) then its book and ticker, to every session. */
    void onMarket(final KalshiMarket m, final boolean created, final int oldStatus, final long recvNs)
    {
        for (final SimSession s : sessions)
        {
            final KalshiConnection c = s.state(KalshiConnection.class);
            if (created)
            {
                c.lifecycle(m, "created", recvNs);
            }
            if (oldStatus != KalshiMarketView.STATUS_DETERMINED && m.status == KalshiMarketView.STATUS_DETERMINED)
            {
                c.lifecycle(m, "determined", recvNs);
            }
            c.onMarket(m, recvNs);
        }
    }

    /** One BRTI relay value to every session's {@code cfbenchmarks_value} subscriptions. */
    void index(final long timeMs, final double price, final double avg60, final double window)
    {
        for (final SimSession s : sessions)
        {
            s.state(KalshiConnection.class).index(timeMs, price, avg60, window);
        }
    }

    /** Closes every session abruptly (the DROP fault). */
    void dropAll()
    {
        for (final SimSession s : new ArrayList<>(sessions))
        {
            s.drop();
        }
    }
}
