package arb.app.live;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import arb.engine.config.Params;
import arb.app.latency.ReceiveToEvaluationProbe;
import arb.engine.run.Engine;
import arb.engine.run.RunStartCodec;
import arb.engine.run.Watchdog;
import arb.feeds.ReceiveClock;
import arb.feeds.capture.CaptureWriter;
import arb.feeds.kalshi.KalshiFeed;
import arb.feeds.kalshi.KalshiFeedConfig;
import arb.feeds.net.FeedsConfig;
import arb.feeds.net.LoopBoundSink;
import arb.feeds.net.SpotFeeds;
import arb.feeds.net.StatusLine;
import arb.feeds.net.VenueStatus;
import arb.journal.EventSink;
import arb.journal.RunDirectory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live run: one Netty I/O thread owns every venue connection and the timer and is the ring's
 * single producer; the engine journals and processes behind it. Prints a status line every
 * {@code live.statusIntervalMs}; on SIGTERM/Ctrl-C or at the end of the duration it stops the feeds,
 * drains the ring, flushes the journals, prints the summary and exits 0. A consumer that stalls or a
 * thread that dies stops the process loudly with exit code 1 - never a silent zombie.
 */
public final class LiveRun
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);

    /** Everything a live run is configured with. */
    public static final class Request
    {
        private Params params = Params.defaults();
        private EnvSettings env = new EnvSettings();
        private Path runDir;
        private Duration duration;
        private String simulator;
        private String venues;
        private boolean capture;
        private PrintStream out = System.out;
        private boolean installSignalHandlers = true;

        /** The engine parameters, journaled with the run. */
        public Request params(final Params params)
        {
            this.params = params;
            return this;
        }

        /** Environment settings (feeds, Kalshi, clock, live); not journaled. */
        public Request env(final EnvSettings env)
        {
            this.env = env;
            return this;
        }

        public EnvSettings env()
        {
            return env;
        }

        /** The new run directory. */
        public Request runDir(final Path runDir)
        {
            this.runDir = runDir;
            return this;
        }

        public Path runDir()
        {
            return runDir;
        }

        /** How long to run (null: until stopped). */
        public Request duration(final Duration duration)
        {
            this.duration = duration;
            return this;
        }

        /** HOST:PORT of a simulator to point every endpoint at (null: real endpoints). */
        public Request simulator(final String simulator)
        {
            this.simulator = simulator;
            return this;
        }

        /** Comma-separated venues to connect (null: all configured). */
        public Request venues(final String venues)
        {
            this.venues = venues;
            return this;
        }

        /** Also record the raw frames to capture.jsonl. */
        public Request capture(final boolean capture)
        {
            this.capture = capture;
            return this;
        }

        /** Where the status lines and summary go. */
        public Request out(final PrintStream out)
        {
            this.out = out;
            return this;
        }

        /** Stop cleanly on SIGINT/SIGTERM (off in tests and benches). */
        public Request installSignalHandlers(final boolean installSignalHandlers)
        {
            this.installSignalHandlers = installSignalHandlers;
            return this;
        }
    }

    private final Request request;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();

    public LiveRun(final Request request)
    {
        this.request = request;
    }

    /** Asks the run to stop (from any thread); a non-zero code marks a failure. */
    public void requestStop(final int code, final String why)
    {
        if (stopReason.compareAndSet(null, why))
        {
            exitCode.set(code);
            if (code != 0)
            {
                LOG.error("stopping: {}", why);
            }
            else
            {
                LOG.info("stopping: {}", why);
            }
        }
        stopRequested.countDown();
    }

    /** Runs until the duration ends or a stop is requested; returns the process exit code. */
    public int run() throws InterruptedException
    {
        final Map<String, String> feedProps = request.env.withPrefix("feeds.");
        FeedsConfig feedsConfig = FeedsConfig.fromProperties(feedProps);
        boolean kalshiEnabled = true;
        if (request.venues != null)
        {
            final List<String> names = new java.util.ArrayList<>(List.of(request.venues.toLowerCase().split(",")));
            kalshiEnabled = names.remove("kalshi");
            feedsConfig = feedsConfig.onlyVenues(String.join(",", names));
        }
        final KalshiFeedConfig kalshiEnv = KalshiFeedConfig.fromProperties(request.env.withPrefix("kalshi.feed."));
        final KalshiFeedConfig kalshiConfig = request.simulator != null ? kalshiEnv.pointAtSimulator(request.simulator)
            : kalshiEnv;
        if (request.simulator != null)
        {
            feedsConfig = feedsConfig.pointAtSimulator(request.simulator);
        }
        final Map<String, String> clockSettings = request.env.withPrefix("clock.");
        if (request.simulator != null && clockSettings.isEmpty())
        {
            clockSettings.putAll(SimulatorClock.fetch(request.simulator));
        }
        final ReceiveClock clock = ReceiveClock.fromSettings(clockSettings);
        final LiveConfig live = LiveConfig.from(request.env.values());
        final long tickMs = live.tickMs();
        final long statusMs = live.statusIntervalMs();
        final long stallMs = live.watchdogStallMs();
        final long stopTimeoutMs = live.stopTimeoutMs();

        // The ring's wait strategy: an environment setting (it cannot change any output), checked
        // before anything is created so a typo leaves no run directory behind.
        final String waitStrategy = live.waitStrategy();
        arb.engine.ring.WaitStrategies.byName(waitStrategy);
        final DiskGuard disk = new DiskGuard(request.runDir, live.minFreeDiskMb(), live.warnFreeDiskMb());
        disk.checkBeforeStart();
        final RunDirectory dir = RunDirectory.create(request.runDir, "--run-dir");
        // Receive -> evaluation latency of every event, into side files of the run directory (never
        // the output journal): an environment setting, on by default, ~30 ns per event.
        final ReceiveToEvaluationProbe probe = !live.latencyProbe()
            ? null : new ReceiveToEvaluationProbe(clock::nowNs, clock.rate(), dir.root());
        final Engine.Builder builder = Engine.builder();
        if (probe != null)
        {
            builder.extraStage(out -> probe);
        }
        final Engine engine = builder
            .waitStrategy(waitStrategy)
            .params(request.params)
            .runDirectory(dir)
            .journalInput(true)
            .mode("live")
            .runInfo("clock", clock.describe())
            .runInfo("venues", feedsConfig.enabledVenues().stream().map(v -> v.venue().name().toLowerCase()).toList())
            .runInfo("simulator", request.simulator == null ? "" : request.simulator)
            .onFatal(t -> requestStop(1, "consumer failed: " + t))
            .build()
            .start();
        final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
        {
            LOG.error("thread {} died", t.getName(), e);
            requestStop(1, "thread " + t.getName() + " died: " + e);
        });

        final EventLoopGroup group = newIoGroup();
        final EventLoop loop = group.next();
        final EventSink sink = new LoopBoundSink(loop, engine.sink());
        final CaptureWriter capture = request.capture ? CaptureWriter.open(dir.root().resolve("capture.jsonl")) : null;
        final SpotFeeds feeds = new SpotFeeds(loop, sink, clock, feedsConfig, capture);
        final ClockTicker ticker = new ClockTicker(loop, sink, clock, tickMs);
        // The Kalshi poller only reads the index to choose which KXBTCD strikes to poll: what it
        // polls is journaled, so this cross-thread read cannot make replay differ from live.
        final arb.engine.index.IndexStage index = engine.chain().index();
        final KalshiFeed kalshi = kalshiEnabled ? new KalshiFeed(loop, sink, clock, kalshiConfig, index::publishedValue,
            feeds.httpClient(), feeds.resolver(), System.getenv(), capture) : null;
        final Watchdog watchdog = new Watchdog(engine, stallMs, why -> requestStop(1, why)).start();
        final Thread hook = new Thread(() ->
        {
            requestStop(0, "signal");
            try
            {
                done.await(60, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            request.out.flush();
            Runtime.getRuntime().halt(exitCode.get());
        }, "arb-shutdown");
        if (request.installSignalHandlers)
        {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        final long startedNanos = System.nanoTime();
        disk.check();
        loop.execute(() ->
        {
            engine.publisher().bindToCurrentThread();
            RunStartCodec.publish(sink, clock.nowNs(), request.params.toText());
            ticker.start();
        });
        feeds.start();
        if (kalshi != null)
        {
            loop.execute(kalshi::start);
        }
        request.out.printf("live: run directory %s, clock %s, venues %s%s%n", dir.root(), clock.describe(),
            feedsConfig.enabledVenues().stream().map(v -> v.venue().name().toLowerCase()).toList(),
            request.simulator == null ? " (real endpoints)" : " via simulator " + request.simulator);

        final long deadline = request.duration == null ? Long.MAX_VALUE
            : startedNanos + request.duration.toNanos();
        while (!stopRequested.await(Math.max(1, Math.min(statusMs, (deadline - System.nanoTime()) / 1_000_000)),
            TimeUnit.MILLISECONDS))
        {
            if (System.nanoTime() - deadline >= 0)
            {
                requestStop(0, "duration reached");
                break;
            }
            final DiskGuard.Level was = disk.level();
            if (disk.check() == DiskGuard.Level.STOP)
            {
                requestStop(1, disk.stopReason());
                break;
            }
            if (disk.level() == DiskGuard.Level.WARN && was != DiskGuard.Level.WARN)
            {
                LOG.warn("disk space is running low: {} (live.warnFreeDiskMb, or under 6 hours at this rate)",
                    disk.describe());
            }
            printStatus(feeds, engine, disk);
        }

        // Orderly stop: feeds first (their STOPPED events are published on the loop), then the timer,
        // then drain and close the engine.
        try
        {
            if (kalshi != null)
            {
                final CountDownLatch kalshiStopped = new CountDownLatch(1);
                loop.execute(() ->
                {
                    kalshi.stop();
                    kalshiStopped.countDown();
                });
                kalshiStopped.await(stopTimeoutMs, TimeUnit.MILLISECONDS);
            }
            feeds.stop(stopTimeoutMs);
            final CountDownLatch tickerStopped = new CountDownLatch(1);
            loop.execute(() ->
            {
                ticker.stop();
                tickerStopped.countDown();
            });
            tickerStopped.await(stopTimeoutMs, TimeUnit.MILLISECONDS);
            final List<VenueStatus> finalStatus = feeds.status(stopTimeoutMs);
            if (kalshi != null)
            {
                kalshi.close();
            }
            feeds.close();
            group.shutdownGracefully(0, stopTimeoutMs, TimeUnit.MILLISECONDS).await(stopTimeoutMs * 2);
            watchdog.close();
            engine.finish();
            if (capture != null)
            {
                capture.close();
            }
            final long runMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            request.out.println(StatusLine.summary(finalStatus, runMillis));
            request.out.printf("live: %s after %.1f s; %,d input events journaled, %,d outputs, %d chain errors -> %s%n",
                stopReason.get(), runMillis / 1000.0, engine.inputEventsJournaled(), engine.output().count(),
                engine.businessChain().errors(), dir.root());
            if (probe != null && probe.latency().all().getTotalCount() > 0)
            {
                final org.HdrHistogram.Histogram h = probe.latency().all();
                request.out.printf("live: receive -> evaluation, %,d events: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, "
                        + "max %.1f us (per event type: %s)%n", h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                    dir.root().resolve(ReceiveToEvaluationProbe.TABLE_FILE));
            }
            request.out.print(engine.results().consoleSummary());
        }
        catch (final RuntimeException e)
        {
            LOG.error("failure while stopping", e);
            exitCode.compareAndSet(0, 1);
        }
        finally
        {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            done.countDown();
            if (request.installSignalHandlers && "signal".equals(stopReason.get()) == false)
            {
                try
                {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                catch (final IllegalStateException alreadyShuttingDown)
                {
                    // the hook is running: it will halt with our exit code
                }
            }
        }
        return exitCode.get();
    }

    /** The engine's one I/O thread: epoll where available, NIO otherwise. */
    static EventLoopGroup newIoGroup()
    {
        final io.netty.util.concurrent.DefaultThreadFactory threads =
            new io.netty.util.concurrent.DefaultThreadFactory("arb-io", true);
        return new io.netty.channel.MultiThreadIoEventLoopGroup(1, threads,
            io.netty.channel.epoll.Epoll.isAvailable() ? io.netty.channel.epoll.EpollIoHandler.newFactory()
                : io.netty.channel.nio.NioIoHandler.newFactory());
    }

    private void printStatus(final SpotFeeds feeds, final Engine engine, final DiskGuard disk)
    {
        final List<VenueStatus> s = feeds.status(1000);
        final long index = engine.chain().index().publishedValue();
        request.out.println(StatusLine.format(s));
        request.out.printf("  index %s | events %,d journaled | outputs %,d | chain errors %d | ring full waits %d | %s%n",
            index == Long.MIN_VALUE ? "n/a" : arb.journal.Scales.format(index, 8).replaceAll("0{6}$", ""),
            engine.inputEventsJournaled(), engine.output().count(), engine.businessChain().errors(),
            engine.publisher().fullWaits(), disk.describe());
        request.out.println(engine.results().results().snapshot().statusLines());
    }
}
