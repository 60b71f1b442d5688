package arb.feeds.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
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
    }

    private final Map<String, HttpRoute> http = new ConcurrentHashMap<>();
    private final Map<String, WebSocketRoute> webSockets = new ConcurrentHashMap<>();

    public SimRoutes http(final String path, final HttpRoute route)
    {
        if (http.putIfAbsent(path, route) != null)
        {
            throw new IllegalArgumentException("route already registered: " + path);
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
        return http.get(path);
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
        return all;
    }
}
