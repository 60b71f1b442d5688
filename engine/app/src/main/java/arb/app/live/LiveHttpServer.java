package arb.app.live;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live run's HTTP server ({@code live --http PORT}, alias {@code --metrics-port}): {@code /metrics}
 * in Prometheus text format through the official client's handler, {@code /health} (200 when the
 * run is healthy, 503 otherwise, a JSON body saying why). Its own daemon threads, bound to
 * 127.0.0.1 unless told otherwise; nothing it does runs on the I/O or chain threads.
 */
public final class LiveHttpServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveHttpServer.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private volatile boolean serving;

    private LiveHttpServer(final HttpServer server, final ExecutorService threads)
    {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Binds the port (nothing served yet): a port in use or a bad address is an
     * {@link IllegalArgumentException}, a user error found before the run directory is created.
     *
     * @param port 0 picks a free port ({@link #port()} tells which)
     */
    public static LiveHttpServer bind(final String bindAddress, final int port)
    {
        final HttpServer server;
        try
        {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        }
        catch (final IOException | RuntimeException e)
        {
            throw new IllegalArgumentException("cannot serve HTTP on " + bindAddress + ":" + port + ": " + e.getMessage());
        }
        final AtomicInteger n = new AtomicInteger();
        final ThreadFactory factory = r ->
        {
            final Thread t = new Thread(r, "arb-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // A few threads: a dashboard's event stream holds one per open page.
        final ExecutorService threads = Executors.newFixedThreadPool(8, factory);
        server.setExecutor(threads);
        return new LiveHttpServer(server, threads);
    }

    /** Starts serving the run's metrics and health (and the dashboard, when given). */
    public LiveHttpServer serve(final LiveView view, final PrometheusRegistry registry)
    {
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/health", exchange -> health(exchange, view));
        server.start();
        serving = true;
        LOG.info("serving http://{}:{}/ (/metrics, /health)", server.getAddress().getHostString(), port());
        return this;
    }

    /** Whether {@link #serve} started it. */
    public boolean serving()
    {
        return serving;
    }

    /** The bound port. */
    public int port()
    {
        return server.getAddress().getPort();
    }

    /** The server's underlying JDK server, for adding pages. */
    HttpServer server()
    {
        return server;
    }

    private static void health(final HttpExchange exchange, final LiveView view) throws IOException
    {
        try (exchange)
        {
            final LiveView.Health h = view.health();
            final byte[] body = (h.json() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(h.healthy() ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        threads.shutdownNow();
    }
}
