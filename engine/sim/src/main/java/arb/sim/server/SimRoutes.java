package arb.sim.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The simulator's route registry: exact request paths mapped to an HTTP handler or a WebSocket
 * endpoint, all served on one port. The four spot venues register themselves here; the Kalshi
 * simulator (or anything else) adds its REST and WebSocket paths the same way, e.g.
 * {@code routes.http("/kalshi/trade-api/v2/markets", handler)}. Handlers run on the simulator's
 * event loop.
 */
public final class SimRoutes
{
    /** Answers one HTTP request (GET with query, usually). */
    @FunctionalInterface
    public interface HttpRoute
    {
        FullHttpResponse handle(FullHttpRequest request, QueryStringDecoder query);
    }

    /** One WebSocket endpoint: called for each session's open, text frames and close. */
    public interface WebSocketRoute
    {
        void onOpen(SimSession session);

        void onText(SimSession session, String text);

        void onClose(SimSession session);

        /**
         * Decides on the upgrade request before the handshake: null accepts it, a status (e.g.
         * 401 when a signature does not verify) refuses it with that status.
         */
        default HttpResponseStatus authorize(final HttpHeaders headers, final QueryStringDecoder uri)
        {
            return null;
        }
    }

    /** Response header a route sets to have the server answer only after that many milliseconds. */
    public static final String DELAY_HEADER = "X-Sim-Delay-Ms";

    private final Map<String, HttpRoute> http = new ConcurrentHashMap<>();
    private final Map<String, WebSocketRoute> webSockets = new ConcurrentHashMap<>();
    private final Map<String, HttpRoute> httpPrefixes = new ConcurrentHashMap<>();

    public SimRoutes http(final String path, final HttpRoute route)
    {
        if (http.putIfAbsent(path, route) != null)
        {
            throw new IllegalArgumentException("route already registered: " + path);
        }
        return this;
    }

    /**
     * Serves every path under {@code prefix} (paths that embed identifiers, e.g. Kalshi's
     * {@code /markets/{ticker}/orderbook}); exact routes win, then the longest prefix.
     */
    public SimRoutes httpPrefix(final String prefix, final HttpRoute route)
    {
        if (httpPrefixes.putIfAbsent(prefix, route) != null)
        {
            throw new IllegalArgumentException("route already registered: " + prefix + "*");
        }
        return this;
    }

    public SimRoutes webSocket(final String path, final WebSocketRoute route)
    {
        if (webSockets.putIfAbsent(path, route) != null)
        {
            throw new IllegalArgumentException("route already registered: " + path);
        }
        return this;
    }

    HttpRoute httpRoute(final String path)
    {
        final HttpRoute exact = http.get(path);
        if (exact != null)
        {
            return exact;
        }
        String best = null;
        for (final String prefix : httpPrefixes.keySet())
        {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length()))
            {
                best = prefix;
            }
        }
        return best == null ? null : httpPrefixes.get(best);
    }

    WebSocketRoute webSocketRoute(final String path)
    {
        return webSockets.get(path);
    }

    /** Every registered path, sorted, with its kind (for the start-up banner). */
    public Map<String, String> describe()
    {
        final Map<String, String> all = new TreeMap<>();
        webSockets.keySet().forEach(p -> all.put(p, "ws"));
        http.keySet().forEach(p -> all.put(p, "http"));
        httpPrefixes.keySet().forEach(p -> all.put(p + "...", "http"));
        return all;
    }
}
