package arb.sim;

import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.sbe.Venue;
import arb.sim.kalshi.KalshiSim;
import arb.sim.market.MarketModelConfig;

/**
 * Starts what {@code arb sim} runs from its parsed {@link Options}: a {@link VenueSimulator} with the
 * Kalshi simulator on the same port and market (not in capture mode, see {@link #NO_KALSHI_IN_CAPTURE}),
 * the scheduled spot and Kalshi faults, and prints where it listens. The command line itself is
 * {@code arb.app.cli.SimCommand} (picocli, like every other command).
 */
public final class SimulatorMain
{
    /**
     * Why a capture replay serves no Kalshi: a capture holds Kalshi's answers to the recording
     * engine's own requests (which markets, which pages, at which moments, chosen from its own index
     * and clock), not a market Kalshi could be asked anything about; answering another client's
     * requests from them would invent data. {@code arb import} replays a capture's Kalshi records
     * exactly, through the same decoders.
     */
    public static final String NO_KALSHI_IN_CAPTURE = "Kalshi is not served when replaying a capture: a capture "
        + "holds Kalshi's answers to the recording engine's own requests, not a market another client can query; "
        + "`arb import` replays its Kalshi records exactly";

    /** What {@code arb sim} was asked to run; every value checked by the command before {@link #start}. */
    public static final class Options
    {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 1;
        private double rate = 1.0;
        private Long startNs;
        private Set<Venue> venues = EnumSet.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI);
        private boolean kalshi = true;
        private double intensity = 1.0;
        private boolean kxbtc15m = true;
        private boolean kxbtcd;
        private final List<FaultSpec> faults = new ArrayList<>();
        private long slowAcceptMs = 3_000;
        private Path capture;
        private double speed = 1.0;
        private long kalshiListingDelayMs;
        private long kalshiClosedOpenMs;
        private long kalshiSlowMs = 2_000;

        public Options host(final String value)
        {
            this.host = value;
            return this;
        }

        public Options port(final int value)
        {
            this.port = value;
            return this;
        }

        public Options seed(final long value)
        {
            this.seed = value;
            return this;
        }

        public Options rate(final double value)
        {
            this.rate = value;
            return this;
        }

        /** Clock start, epoch ns (null: now). */
        public Options startNs(final Long value)
        {
            this.startNs = value;
            return this;
        }

        /** Spot venues to serve. */
        public Options venues(final Set<Venue> value)
        {
            this.venues = value;
            return this;
        }

        /** Whether Kalshi is served (model mode only). */
        public Options kalshi(final boolean value)
        {
            this.kalshi = value;
            return this;
        }

        public Options intensity(final double value)
        {
            this.intensity = value;
            return this;
        }

        /** Kalshi series the model lists: 15-minute windows, hourly events of 12 strikes, or both. */
        public Options series(final boolean fifteenMinute, final boolean hourly)
        {
            this.kxbtc15m = fifteenMinute;
            this.kxbtcd = hourly;
            return this;
        }

        public Options fault(final FaultSpec value)
        {
            this.faults.add(value);
            return this;
        }

        public Options slowAcceptMs(final long value)
        {
            this.slowAcceptMs = value;
            return this;
        }

        /** Replay this capture instead of running the market model, at {@code replaySpeed}. */
        public Options capture(final Path file, final double replaySpeed)
        {
            this.capture = file;
            this.speed = replaySpeed;
            return this;
        }

        public Options kalshiListingDelayMs(final long value)
        {
            this.kalshiListingDelayMs = value;
            return this;
        }

        public Options kalshiClosedOpenMs(final long value)
        {
            this.kalshiClosedOpenMs = value;
            return this;
        }

        public Options kalshiSlowMs(final long value)
        {
            this.kalshiSlowMs = value;
            return this;
        }

        public Path capture()
        {
            return capture;
        }

        public List<FaultSpec> faults()
        {
            return faults;
        }
    }

    /** A started simulator: its venues, its Kalshi (null in capture mode) and the fault timer. */
    public static final class Running implements AutoCloseable
    {
        private final VenueSimulator venues;
        private final KalshiSim kalshi;
        private final ScheduledExecutorService kalshiFaults;

        Running(final VenueSimulator venues, final KalshiSim kalshi, final ScheduledExecutorService kalshiFaults)
        {
            this.venues = venues;
            this.kalshi = kalshi;
            this.kalshiFaults = kalshiFaults;
        }

        public VenueSimulator venues()
        {
            return venues;
        }

        /** The Kalshi simulator, or null when none is served. */
        public KalshiSim kalshi()
        {
            return kalshi;
        }

        /** The banner: where it listens, the clock, and whether Kalshi is served. */
        public String describe()
        {
            return venues.describe() + (kalshi == null ? "\n  kalshi: not served. " + (venues.model() == null
                ? NO_KALSHI_IN_CAPTURE : "") : "");
        }

        @Override
        public void close()
        {
            if (kalshiFaults != null)
            {
                kalshiFaults.shutdownNow();
            }
            venues.close();
        }
    }

    private SimulatorMain()
    {
    }

    /**
     * Binds the port and starts serving; a port in use is an {@link IllegalArgumentException} with
     * one clear line (never a stack trace).
     */
    public static Running start(final Options o) throws InterruptedException
    {
        final VenueSimulator.Builder b = VenueSimulator.builder().host(o.host).port(o.port).seed(o.seed)
            .venues(o.venues).slowAcceptMs(o.slowAcceptMs);
        final MarketModelConfig model = new MarketModelConfig().intensity(o.intensity);
        if (o.kxbtcd || !o.kxbtc15m)
        {
            model.series(o.kxbtc15m, o.kxbtcd, 12);
        }
        b.modelConfig(model);
        for (final FaultSpec f : o.faults)
        {
            if (!f.kalshi())
            {
                b.fault(f.scheduled());
            }
        }
        if (o.capture != null)
        {
            b.capture(o.capture, o.speed);
        }
        final ReceiveClock clock = o.startNs != null ? ReceiveClock.startingAt(o.startNs, o.rate)
            : ReceiveClock.offset(0, o.rate);
        b.clock(clock);
        // Kalshi's REST and WebSocket on the same port, on the model's KXBTC15M windows.
        final KalshiSim kalshi = o.capture == null && o.kalshi ? new KalshiSim(clock, new KalshiSim.Config()
            .listingDelayMs(o.kalshiListingDelayMs).closedListedAsOpenMs(o.kalshiClosedOpenMs)
            .slowResponseMs(o.kalshiSlowMs)) : null;
        if (kalshi != null)
        {
            b.marketListener(kalshi);
        }
        final VenueSimulator built = b.build();
        if (kalshi != null)
        {
            kalshi.register(built.routes());
        }
        final VenueSimulator sim;
        try
        {
            sim = built.start();
        }
        catch (final Exception e)
        {
            // Netty's sync() rethrows a BindException (checked) unchecked
            if (causedBy(e, BindException.class))
            {
                throw new IllegalArgumentException("cannot listen on " + o.host + ":" + o.port + " ("
                    + rootMessage(e) + "); choose another --port, or 0 for a free one");
            }
            throw e;
        }
        if (kalshi != null)
        {
            kalshi.attach(() -> sim.model().truePrice());
        }
        ScheduledExecutorService timer = null;
        if (kalshi != null && o.faults.stream().anyMatch(FaultSpec::kalshi))
        {
            timer = Executors.newSingleThreadScheduledExecutor(r ->
            {
                final Thread t = new Thread(r, "kalshi-sim-faults");
                t.setDaemon(true);
                return t;
            });
            for (final FaultSpec f : o.faults)
            {
                if (f.kalshi())
                {
                    final Runnable inject = () -> kalshi.inject(f.kalshiFault(), f.count());
                    if (f.everyMs() > 0)
                    {
                        timer.scheduleAtFixedRate(inject, f.afterMs(), f.everyMs(), TimeUnit.MILLISECONDS);
                    }
                    else
                    {
                        timer.schedule(inject, f.afterMs(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        }
        return new Running(sim, kalshi, timer);
    }

    /** Starts, prints where it listens and runs until the process is stopped. */
    public static void runUntilStopped(final Options o) throws InterruptedException
    {
        final Running running = start(o);
        System.out.println(running.describe());
        System.out.flush();
        final CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.close();
            done.countDown();
        }, "sim-shutdown"));
        done.await();
    }

    private static boolean causedBy(final Throwable t, final Class<? extends Throwable> type)
    {
        for (Throwable c = t; c != null; c = c.getCause())
        {
            if (type.isInstance(c))
            {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(final Throwable t)
    {
        Throwable c = t;
        while (c.getCause() != null)
        {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }
}
