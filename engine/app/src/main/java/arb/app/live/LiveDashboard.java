package arb.app.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import arb.engine.results.TradingSummary;
import arb.engine.strategy.MarketBoard;
import arb.feeds.net.VenueGauges;
import arb.journal.Scales;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard: once a second its own thread reads the run through {@link LiveView} and the
 * desk's {@link MarketBoard} (volatile, ordered and sequence-locked fields: the chain and I/O
 * threads never wait or allocate for it), keeps short histories, and renders one JSON snapshot;
 * the page ({@code /}, served from the jar, no external resources) receives each snapshot as a
 * server-sent event ({@code /events}); {@code /snapshot.json} returns the latest one.
 */
public final class LiveDashboard implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);
    private static final int HISTORY = 900;
    private static final long PUSH_MS = 1_000;

    private final LiveView view;
    private final MarketBoard board;
    private final ScheduledExecutorService timer;
    private final Deque<double[]> indexHistory = new ArrayDeque<>();
    private final Map<String, Deque<double[]>> marketHistory = new LinkedHashMap<>();
    private final Map<String, long[]> lastCounts = new LinkedHashMap<>();
    private long lastNanos;
    private volatile String snapshot = "{}";
    private volatile long version;
    private volatile boolean closed;

    public LiveDashboard(final LiveView view, final MarketBoard board)
    {
        this.view = view;
        this.board = board;
        this.timer = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread t = new Thread(r, "arb-dashboard");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds the page and the event stream to the server and starts the snapshot thread. */
    public LiveDashboard start(final HttpServer server)
    {
        server.createContext("/", this::page);
        server.createContext("/events", this::events);
        server.createContext("/snapshot.json", exchange -> send(exchange, 200, "application/json; charset=utf-8",
            snapshot.getBytes(StandardCharsets.UTF_8)));
        timer.scheduleAtFixedRate(this::refresh, 0, PUSH_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest snapshot (tests). */
    String snapshot()
    {
        return snapshot;
    }

    private void refresh()
    {
        try
        {
            snapshot = render();
            version++;
        }
        catch (final RuntimeException e)
        {
            LOG.warn("dashboard snapshot failed: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ snapshot (the dashboard thread)

    private String render()
    {
        final long nowNanos = System.nanoTime();
        final double seconds = lastNanos == 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        final long eventNs = view.clock().nowNs();
        final double t = eventNs / 1e9;
        final StringBuilder j = new StringBuilder(8192);
        j.append("{\"wall\":\"").append(Instant.now()).append("\",\"event_time\":\"")
            .append(Instant.ofEpochSecond(0, eventNs)).append("\",\"clock_rate\":").append(view.clock().rate());
        j.append(",\"venues\":[");
        final List<VenueGauges.Incident> incidents = new ArrayList<>();
        for (int i = 0; i < view.venues().size(); i++)
        {
            final VenueGauges v = view.venues().get(i);
            incidents.addAll(v.incidents());
            venue(j.append(i == 0 ? "" : ","), v, seconds);
        }
        j.append(']');
        final long index = view.indexValue();
        if (index != Scales.NULL)
        {
            push(indexHistory, new double[] {t, index / 1e8});
        }
        j.append(",\"index\":{\"value\":").append(index == Scales.NULL ? "null" : num(index / 1e8))
            .append(",\"age_ms\":").append(view.indexAgeMs()).append(",\"history\":");
        series(j, indexHistory);
        j.append('}');
        j.append(",\"kalshi\":");
        if (view.kalshi() == null)
        {
            j.append("null");
        }
        else
        {
            LiveView.string(j, LiveStatus.kalshi(view, view.kalshi()));
        }
        markets(j, eventNs, t);
        strategies(j, view.trading());
        incidents.sort((a, b) -> Long.compare(b.wallMillis(), a.wallMillis()));
        j.append(",\"incidents\":[");
        for (int i = 0; i < Math.min(12, incidents.size()); i++)
        {
            final VenueGauges.Incident x = incidents.get(i);
            j.append(i == 0 ? "" : ",").append("{\"time\":\"").append(Instant.ofEpochMilli(x.wallMillis())).append("\",\"venue\":");
            LiveView.string(j, x.venue());
            j.append(",\"state\":\"").append(x.state()).append("\",\"reason\":\"").append(x.reason()).append("\",\"detail\":");
            LiveView.string(j, x.detail());
            j.append('}');
        }
        j.append("],\"health\":").append(view.health().json()).append('}');
        return j.toString();
    }

    private void venue(final StringBuilder j, final VenueGauges v, final double seconds)
    {
        final long[] last = lastCounts.computeIfAbsent(v.name(), k -> new long[v.latencyBuckets() + 2]);
        final long frames = v.frames();
        final double rate = seconds > 0 ? (frames - last[0]) / seconds : 0;
        // Latency over the last second from the bucket deltas: mean, and the bucket bound holding the 99th percentile.
        final double[] bounds = VenueGauges.latencyBoundsSeconds();
        long count = 0;
        final long[] delta = new long[v.latencyBuckets()];
        for (int i = 0; i < delta.length; i++)
        {
            final long c = v.latencyBucket(i);
            delta[i] = c - last[2 + i];
            last[2 + i] = c;
            count += delta[i];
        }
        final double sum = v.latencySumSeconds();
        final double mean = count > 0 ? (sum - Double.longBitsToDouble(last[1])) / count : Double.NaN;
        last[0] = frames;
        last[1] = Double.doubleToLongBits(sum);
        double p99 = Double.NaN;
        long cumulative = 0;
        for (int i = 0; i < delta.length && count > 0; i++)
        {
            cumulative += delta[i];
            if (cumulative >= Math.ceil(count * 0.99))
            {
                p99 = i < bounds.length ? bounds[i] : Double.POSITIVE_INFINITY;
                break;
            }
        }
        j.append("{\"name\":\"").append(v.name()).append("\",\"state\":\"").append(v.state()).append("\",\"rate\":")
            .append(num(rate)).append(",\"age_ms\":").append(v.lastFrameAgeMs())
            .append(",\"bid\":").append(price(v.bestBid())).append(",\"ask\":").append(price(v.bestAsk()))
            .append(",\"lat_mean_ms\":").append(num(mean * 1e3)).append(",\"lat_p99_le_ms\":").append(num(p99 * 1e3))
            .append(",\"bad\":").append(v.badFrames()).append(",\"reconnects\":").append(v.reconnects())
            .append(",\"resyncs\":").append(v.resyncs()).append('}');
    }

    private void markets(final StringBuilder j, final long eventNs, final double t)
    {
        j.append(",\"markets\":[");
        final List<MarketBoard.Row> rows = board.read();
        int n = 0;
        for (final MarketBoard.Row r : rows)
        {
            if (r.closeTimeNs() < eventNs - 60_000_000_000L)
            {
                continue; // closed more than a minute ago
            }
            final double fv = r.fairValue();
            final double mid = r.yesBid() > 0 && r.noBid() > 0 ? (r.yesBid() + Scales.KPRICE - r.noBid()) / 2.0 / Scales.KPRICE
                : Double.NaN;
            final Deque<double[]> h = marketHistory.computeIfAbsent(r.ticker(), k -> new ArrayDeque<>());
            push(h, new double[] {t, fv, mid});
            j.append(n++ == 0 ? "" : ",").append("{\"ticker\":");
            LiveView.string(j, r.ticker());
            j.append(",\"strike\":").append(price(r.strike())).append(",\"close\":\"")
                .append(Instant.ofEpochSecond(0, r.closeTimeNs())).append("\",\"time_left_s\":")
                .append(num((r.closeTimeNs() - eventNs) / 1e9)).append(",\"index_implied\":").append(num(fv))
                .append(",\"kalshi_implied\":").append(num(mid))
                .append(",\"yes_bid\":").append(num(r.yesBid() / (double)Scales.KPRICE))
                .append(",\"no_bid\":").append(num(r.noBid() / (double)Scales.KPRICE)).append(",\"history\":");
            series(j, h);
            j.append('}');
        }
        j.append(']');
        marketHistory.keySet().removeIf(k -> rows.stream().noneMatch(r -> r.ticker().equals(k)));
    }

    private static void strategies(final StringBuilder j, final TradingSummary s)
    {
        j.append(",\"strategies\":[");
        for (int i = 0; i < s.rows().size(); i++)
        {
            final TradingSummary.Row r = s.rows().get(i);
            j.append(i == 0 ? "" : ",").append("{\"name\":\"").append(r.name()).append("\",\"orders\":").append(r.orders())
                .append(",\"fills\":").append(r.fills()).append(",\"open\":").append(r.openPositions())
                .append(",\"settled\":").append(r.settled()).append(",\"wins\":").append(r.wins())
                .append(",\"exposure\":").append(num(r.exposure() / 1e6)).append(",\"fees\":").append(num(r.fees() / 1e6))
                .append(",\"realised\":").append(num(r.realisedPnl() / 1e6)).append(",\"marked\":")
                .append(num(r.netPnl() / 1e6)).append('}');
        }
        j.append("],\"signals\":[");
        for (int i = 0; i < s.lastSignals().size(); i++)
        {
            LiveView.string(j.append(i == 0 ? "" : ","), s.lastSignals().get(i));
        }
        j.append(']');
    }

    private static void push(final Deque<double[]> h, final double[] point)
    {
        h.addLast(point);
        while (h.size() > HISTORY)
        {
            h.removeFirst();
        }
    }

    private static void series(final StringBuilder j, final Deque<double[]> h)
    {
        j.append('[');
        boolean first = true;
        for (final double[] p : h)
        {
            j.append(first ? "[" : ",[");
            first = false;
            for (int i = 0; i < p.length; i++)
            {
                j.append(i == 0 ? "" : ",").append(num(p[i]));
            }
            j.append(']');
        }
        j.append(']');
    }

    private static String price(final long scaled)
    {
        return scaled == Scales.NULL ? "null" : num(scaled / 1e8);
    }

    private static String num(final double v)
    {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6f", v)
            .replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    // ------------------------------------------------------------------ HTTP (the server's threads)

    private void page(final HttpExchange exchange) throws IOException
    {
        if (!"/".equals(exchange.getRequestURI().getPath()))
        {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = LiveDashboard.class.getResourceAsStream("dashboard.html"))
        {
            send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    /** Server-sent events: the latest snapshot, then each new one, until the page goes or the run ends. */
    private void events(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            final OutputStream out = exchange.getResponseBody();
            long sent = -1;
            while (!closed)
            {
                final long v = version;
                if (v != sent)
                {
                    sent = v;
                    out.write(("data: " + snapshot + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(100);
            }
        }
        catch (final IOException gone)
        {
            // the page was closed
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body)
        throws IOException
    {
        try (exchange)
        {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    @Override
    public void close()
    {
        closed = true;
        timer.shutdownNow();
    }
}
