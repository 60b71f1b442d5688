package arb.sim;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.feeds.net.VenueConfig;
import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.KalshiMarketView;
import arb.sim.market.LevelChanges;
import arb.sim.market.MarketListener;
import arb.sim.market.MarketModel;
import arb.sim.market.MarketModelConfig;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import arb.sim.venue.CaptureReplay;
import arb.sim.venue.SimFault;
import arb.sim.venue.VenueSim;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local venue simulator ({@code scripts/arb sim}): one Netty server on loopback speaking
 * Coinbase Advanced Trade, Kraken v2, Bitstamp and Binance.US (WebSocket and REST) on one port, one
 * path prefix per venue, fed by the seeded {@link MarketModel} paced by the shared
 * {@link ReceiveClock} (so a clock at rate 60 runs the market 60 times faster), or by a capture file
 * replayed frame by frame. Faults can be injected per venue at runtime ({@link #inject}) or on a
 * schedule from the command line. More endpoints (Kalshi REST/WS) plug in through {@link #routes()}
 * before {@link #start()}, and {@link Builder#marketListener} forwards every model event (Kalshi
 * markets included) to another simulator.
 *
 * <p>Runs on its own single event loop, never the engine's.
 */
public final class VenueSimulator implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(VenueSimulator.class);

    /** A fault to inject after {@code afterMs}, then every {@code everyMs} (0: once). */
    public record ScheduledFault(Venue venue, SimFault fault, long afterMs, long everyMs)
    {
        /** Parses {@code venue:fault@afterMs[/everyMs]}, e.g. {@code kraken:bad-checksum@5000/20000}. */
        public static ScheduledFault parse(final String spec)
        {
            final int colon = spec.indexOf(':');
            final int at = spec.indexOf('@');
            if (colon < 0 || at < colon)
            {
                throw new IllegalArgumentException("fault spec is venue:fault@afterMs[/everyMs], got " + spec);
            }
            final String timing = spec.substring(at + 1);
            final int slash = timing.indexOf('/');
            return new ScheduledFault(VenueConfig.venueOf(spec.substring(0, colon)),
                SimFault.parse(spec.substring(colon + 1, at)),
                Long.parseLong(slash < 0 ? timing : timing.substring(0, slash)),
                slash < 0 ? 0 : Long.parseLong(timing.substring(slash + 1)));
        }
    }

    private final Builder cfg;
    private final SimRoutes routes = new SimRoutes();
    private final Map<Venue, VenueSim> venues = new EnumMap<>(Venue.class);
    private final Map<Venue, Integer> slowAccepts = new EnumMap<>(Venue.class);
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private EventLoopGroup group;
    private SimServer server;
    private InetSocketAddress address;
    private MarketModel model;
    private CaptureReplay replay;
    private boolean paused;
    private long events;
    private final Dispatcher dispatcher = new Dispatcher();

    private VenueSimulator(final Builder builder)
    {
        this.cfg = builder;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The route registry: add endpoints (e.g. Kalshi's) before {@link #start()}. */
    public SimRoutes routes()
    {
        return routes;
    }

    /**
     * The market model (null when replaying a capture). It runs on the simulator's loop: read it only
     * from there, e.g. from a {@link Builder#marketListener} callback.
     */
    public MarketModel model()
    {
        return model;
    }

    /** Binds the port, builds the market and starts feeding connected clients. */
    public VenueSimulator start() throws InterruptedException
    {
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("venue-sim", true), NioIoHandler.newFactory());
        final MarketModelConfig modelConfig = cfg.modelConfig.copy();
        if (cfg.capture == null)
        {
            model = new MarketModel(modelConfig, cfg.seed, cfg.clock.nowNs());
        }
        for (final Venue v : cfg.venues)
        {
            final VenueSim sim = VenueSim.create(
                v, modelConfig.binanceUsdt(), cfg.bitstampBookIntervalMs, cfg.binanceDiffMs, cfg.binancePingMs);
            if (model != null && sim instanceof arb.sim.venue.GeminiSim)
            {
                // Not one of the model's four venues (a fifth would change every generated session):
                // its own book around the model's latent price.
                final MarketModel m = model;
                ((arb.sim.venue.GeminiSim)sim).attachModel(m::truePrice, cfg.seed);
            }
            else if (model != null)
            {
                sim.attach(model.book(sim.modelIndex()));
            }
            venues.put(v, sim);
        }
        // Lets an engine adopt the simulator's receive clock without copying three numbers by hand.
        routes.http("/clock", (request, query) -> SimServer.json(io.netty.handler.codec.http.HttpResponseStatus.OK,
            "{\"describe\":\"" + cfg.clock.describe() + "\"}"));
        // What the soak compares with the journal: trade frames sent per venue (handlers run on the loop).
        routes.http("/stats", (request, query) -> SimServer.json(io.netty.handler.codec.http.HttpResponseStatus.OK,
            statsJson()));
        // Stops the market (heartbeats go on) so a campaign can drain the engine before it counts.
        routes.http("/pause", (request, query) ->
        {
            final java.util.List<String> on = query.parameters().get("on");
            if (on == null || on.size() != 1 || !(on.get(0).equals("true") || on.get(0).equals("false")))
            {
                return SimServer.json(io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST,
                    "{\"error\":\"use /pause?on=true or /pause?on=false\"}");
            }
            pauseOnLoop(Boolean.parseBoolean(on.get(0)));
            return SimServer.json(io.netty.handler.codec.http.HttpResponseStatus.OK, statsJson());
        });
        if (cfg.capture != null)
        {
            replay = new CaptureReplay(cfg.capture, cfg.replaySpeed, cfg.venues);
            replay.register(routes);
        }
        else
        {
            for (final VenueSim sim : venues.values())
            {
                sim.register(routes);
            }
        }
        server = new SimServer(group, routes, this::handshakeDelayMs, cfg.sslContext);
        try
        {
            address = server.bind(cfg.host, cfg.port);
        }
        catch (final Exception ex)
        {
            // also a BindException, which Netty's sync() rethrows unchecked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            throw ex;
        }
        final io.netty.channel.EventLoop loop = group.next();
        loop.submit(() ->
        {
            timers.add(loop.scheduleAtFixedRate(this::tick, 0, cfg.tickMs, TimeUnit.MILLISECONDS));
            for (final ScheduledFault f : cfg.faults)
            {
                final Runnable inject = () -> injectOnLoop(f.venue(), f.fault());
                timers.add(f.everyMs() > 0
                    ? loop.scheduleAtFixedRate(inject, f.afterMs(), f.everyMs(), TimeUnit.MILLISECONDS)
                    : loop.schedule(inject, f.afterMs(), TimeUnit.MILLISECONDS));
            }
        }).sync();
        return this;
    }

    private void tick()
    {
        try
        {
            final long now = cfg.clock.nowNs();
            if (replay != null)
            {
                replay.onTick(System.nanoTime());
                return;
            }
            if (!paused)
            {
                // Bounded per tick so a clock far ahead (a high rate) cannot starve the loop.
                int budget = cfg.maxEventsPerTick;
                while (model.nextEventNs() <= now && budget-- > 0)
                {
                    model.step(dispatcher);
                    events++;
                }
            }
            for (final VenueSim sim : venues.values())
            {
                sim.onTick(now);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("simulator tick failed", ex);
        }
    }

    private final class Dispatcher implements MarketListener
    {
        @Override
        public void onBookChanges(final int venueIndex, final long recvNs, final long venueNs, final LevelChanges changes,
            final PriceLevelBook book)
        {
            final VenueSim sim = venues.get(Venue.get((short)(venueIndex + 1)));
            if (sim != null)
            {
                sim.onBookChanges(recvNs, venueNs, changes);
            }
            if (cfg.listener != null)
            {
                cfg.listener.onBookChanges(venueIndex, recvNs, venueNs, changes, book);
            }
        }

        @Override
        public void onTrade(final int venueIndex, final long recvNs, final long venueNs, final boolean buyerAggressor,
            final long price, final long size, final long tradeId)
        {
            final VenueSim sim = venues.get(Venue.get((short)(venueIndex + 1)));
            if (sim != null)
            {
                sim.onTrade(recvNs, venueNs, buyerAggressor, price, size, tradeId);
            }
            if (cfg.listener != null)
            {
                cfg.listener.onTrade(venueIndex, recvNs, venueNs, buyerAggressor, price, size, tradeId);
            }
        }

        @Override
        public void onBestBidOffer(final int venueIndex, final long recvNs, final long venueNs, final PriceLevelBook book)
        {
            final VenueSim sim = venues.get(Venue.get((short)(venueIndex + 1)));
            if (sim != null)
            {
                sim.onBestBidOffer(recvNs, venueNs);
            }
            if (cfg.listener != null)
            {
                cfg.listener.onBestBidOffer(venueIndex, recvNs, venueNs, book);
            }
        }

        @Override
        public void onKalshiMarket(final long recvNs, final KalshiMarketView market)
        {
            if (cfg.listener != null)
            {
                cfg.listener.onKalshiMarket(recvNs, market);
            }
        }
    }

    private long handshakeDelayMs(final String path)
    {
        for (final Map.Entry<Venue, Integer> e : slowAccepts.entrySet())
        {
            if (e.getValue() > 0 && path.startsWith("/" + VenueConfig.configName(e.getKey())))
            {
                e.setValue(e.getValue() - 1);
                return cfg.slowAcceptMs;
            }
        }
        return 0;
    }

    /** Injects a fault into a venue now (any thread). */
    public void inject(final Venue venue, final SimFault fault)
    {
        onLoop(() ->
        {
            injectOnLoop(venue, fault);
            return null;
        });
    }

    private void injectOnLoop(final Venue venue, final SimFault fault)
    {
        final VenueSim sim = venues.get(venue);
        if (sim == null)
        {
            LOG.warn("fault {} for {}: venue not simulated", fault, venue);
            return;
        }
        if (fault == SimFault.SLOW_ACCEPT)
        {
            slowAccepts.merge(venue, 1, Integer::sum);
            LOG.info("sim {}: next handshake answered after {} ms", venue, cfg.slowAcceptMs);
            return;
        }
        if (replay != null && fault != SimFault.DROP && fault != SimFault.SILENCE && fault != SimFault.GARBAGE)
        {
            LOG.warn("fault {} not available while replaying a capture", fault);
            return;
        }
        final boolean done = replay != null ? replay.inject(venue, fault) : sim.inject(fault);
        LOG.info("sim {}: fault {} {}", venue, fault, done ? "injected" : "not supported by this venue");
    }

    /** Stops (true) or resumes the market: heartbeats, pings and pending diffs continue. */
    public void pause(final boolean pause)
    {
        onLoop(() ->
        {
            pauseOnLoop(pause);
            return null;
        });
    }

    private void pauseOnLoop(final boolean pause)
    {
        paused = pause;
        for (final VenueSim sim : venues.values())
        {
            sim.onPause(pause, cfg.clock.nowNs());
        }
    }

    /**
     * Trade frames the venue has sent to subscribed connections since the start (closed ones
     * included); a live feed journals one Trade event for each.
     */
    public long tradesSent(final Venue venue)
    {
        return onLoop(() -> venues.get(venue).tradesSent());
    }

    /** The {@code /stats} answer: {@code {"paused":..,"trades_sent":{"coinbase":N,..}}} (on the loop). */
    private String statsJson()
    {
        final StringBuilder sb = new StringBuilder(160);
        sb.append("{\"paused\":").append(paused).append(",\"trades_sent\":{");
        boolean first = true;
        for (final Map.Entry<Venue, VenueSim> e : venues.entrySet())
        {
            sb.append(first ? "" : ",").append('"').append(VenueConfig.configName(e.getKey())).append("\":")
                .append(replay != null ? 0 : e.getValue().tradesSent());
            first = false;
        }
        return sb.append("}}").toString();
    }

    /** The book a correctly synchronised client of the venue holds now (depth as the venue serves it). */
    public PriceLevelBook expectedClientBook(final Venue venue)
    {
        return onLoop(() ->
        {
            final PriceLevelBook out = new PriceLevelBook(256);
            venues.get(venue).expectedClientBook(out);
            return out;
        });
    }

    /** Open WebSocket sessions of a venue. */
    public int sessions(final Venue venue)
    {
        return onLoop(() -> venues.get(venue).sessionCount());
    }

    /** WebSocket pongs received from the venue's current clients. */
    public long pongsReceived(final Venue venue)
    {
        return onLoop(() -> venues.get(venue).pongsReceived());
    }

    /** Application-level pings (Kraken ping, Bitstamp heartbeat) the venue answered. */
    public long pingsAnswered(final Venue venue)
    {
        return onLoop(() -> venues.get(venue).pingsAnswered());
    }

    /** Model events generated so far. */
    public long events()
    {
        return onLoop(() -> events);
    }

    public InetSocketAddress address()
    {
        return address;
    }

    public int port()
    {
        return address.getPort();
    }

    public ReceiveClock clock()
    {
        return cfg.clock;
    }

    /** The banner {@code arb sim} prints: where each venue listens and the clock to share. */
    public String describe()
    {
        final String hostPort = address.getHostString() + ":" + address.getPort();
        final StringBuilder sb = new StringBuilder(512);
        sb.append("venue simulator listening on ").append(hostPort).append(" (port ").append(address.getPort()).append(")\n");
        for (final Map.Entry<String, String> e : routes.describe().entrySet())
        {
            sb.append("  ").append(e.getValue().equals("ws") ? "ws://" : "http://").append(hostPort).append(e.getKey())
                .append('\n');
        }
        sb.append("  clock: ").append(cfg.clock.describe()).append('\n');
        sb.append("  source: ").append(cfg.capture != null ? "capture " + cfg.capture : "market model seed " + cfg.seed)
            .append('\n');
        sb.append("  point the engine at it with: --endpoints sim=").append(hostPort);
        return sb.toString();
    }

    private <T> T onLoop(final Callable<T> task)
    {
        try
        {
            final io.netty.channel.EventLoop loop = group.next();
            return loop.inEventLoop() ? task.call() : loop.submit(task).get(10, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("simulator task failed", e);
        }
    }

    @Override
    public void close()
    {
        if (group == null)
        {
            return;
        }
        try
        {
            onLoop(() ->
            {
                timers.forEach(t -> t.cancel(false));
                return null;
            });
        }
        catch (final RuntimeException ignored)
        {
            // closing anyway
        }
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
    }

    /** Options of a simulator; every interval in milliseconds. */
    public static final class Builder
    {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 1;
        private ReceiveClock clock = ReceiveClock.system();
        private MarketModelConfig modelConfig = new MarketModelConfig();
        private Set<Venue> venues = EnumSet.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI);
        private long tickMs = 5;
        private int maxEventsPerTick = 20_000;
        private long bitstampBookIntervalMs = 100;
        private long binanceDiffMs = 100;
        private long binancePingMs = 20_000;
        private long slowAcceptMs = 3_000;
        private final List<ScheduledFault> faults = new ArrayList<>();
        private Path capture;
        private double replaySpeed = 1.0;
        private MarketListener listener;
        private io.netty.handler.ssl.SslContext sslContext;

        public Builder host(final String host)
        {
            this.host = host;
            return this;
        }

        /** 0 (default) picks an ephemeral port. */
        public Builder port(final int port)
        {
            this.port = port;
            return this;
        }

        public Builder seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /** The receive clock the engine uses too (same start, anchor and rate). */
        public Builder clock(final ReceiveClock clock)
        {
            this.clock = clock;
            return this;
        }

        public Builder modelConfig(final MarketModelConfig config)
        {
            this.modelConfig = config;
            return this;
        }

        public Builder venues(final Set<Venue> venues)
        {
            this.venues = EnumSet.copyOf(venues);
            return this;
        }

        public Builder tickMs(final long ms)
        {
            this.tickMs = ms;
            return this;
        }

        public Builder bitstampBookIntervalMs(final long ms)
        {
            this.bitstampBookIntervalMs = ms;
            return this;
        }

        public Builder binanceDiffMs(final long ms)
        {
            this.binanceDiffMs = ms;
            return this;
        }

        /** Interval of the WebSocket pings Binance.US sends (0: none). */
        public Builder binancePingMs(final long ms)
        {
            this.binancePingMs = ms;
            return this;
        }

        /** Delay of a handshake answered "slowly" (the SLOW_ACCEPT fault). */
        public Builder slowAcceptMs(final long ms)
        {
            this.slowAcceptMs = ms;
            return this;
        }

        public Builder fault(final ScheduledFault fault)
        {
            this.faults.add(fault);
            return this;
        }

        /** Replays a capture.jsonl instead of running the market model. */
        public Builder capture(final Path capture, final double speed)
        {
            this.capture = capture;
            this.replaySpeed = speed;
            return this;
        }

        /** Receives every market model event too (e.g. a Kalshi simulator on the same market). */
        public Builder marketListener(final MarketListener listener)
        {
            this.listener = listener;
            return this;
        }

        /** Serves TLS (wss/https) with this server context instead of plain ws/http. */
        public Builder ssl(final io.netty.handler.ssl.SslContext serverContext)
        {
            this.sslContext = serverContext;
            return this;
        }

        public VenueSimulator build()
        {
            return new VenueSimulator(this);
        }
    }
}
