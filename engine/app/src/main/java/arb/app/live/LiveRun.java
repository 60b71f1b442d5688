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
import arb.engine.run.OutputPrefixCheck;
import arb.engine.run.ResumeCatchUp;
import arb.engine.run.ResumePlan;
import arb.engine.run.RunStartCodec;
import arb.engine.run.Watchdog;
import arb.feeds.ReceiveClock;
import arb.feeds.capture.CaptureWriter;
import arb.feeds.kalshi.KalshiFeed;
import arb.feeds.kalshi.KalshiFeedConfig;
import arb.feeds.kalshi.KalshiSigner;
import arb.feeds.net.FeedsConfig;
import arb.feeds.net.LoopBoundSink;
import arb.feeds.net.SpotFeeds;
import arb.feeds.net.StatusLine;
import arb.feeds.net.VenueStatus;
import arb.journal.EventSink;
import arb.journal.RunDirectory;
import arb.sbe.FeedState;
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
    /** How long a status round waits for the feeds' I/O loop before it skips its line. */
    static final long STATUS_TIMEOUT_MS = 1_000;

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
        private Integer httpPort;
        private String httpBind = "127.0.0.1";
        private boolean resume;
        private boolean paramsGiven;

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

        /**
         * Continue the existing run in {@link #runDir} ({@code live --resume}): its journaled logic
         * parameters, and its venues, simulator and capture unless given here.
         */
        public Request resume(final boolean resume)
        {
            this.resume = resume;
            return this;
        }

        /**
         * Whether the logic parameters were given explicitly (--config/--set); a resume accepts them
         * only when they equal the run's journaled ones.
         */
        public Request paramsGiven(final boolean given)
        {
            this.paramsGiven = given;
            return this;
        }

        /** The new run directory (or, with {@link #resume}, the run to continue). */
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

        /** Serve /metrics, /health and the dashboard on this port (null: no server; 0: any free port). */
        public Request httpPort(final Integer port)
        {
            this.httpPort = port;
            return this;
        }

        /** The address the HTTP server binds (default 127.0.0.1: this machine only). */
        public Request httpBind(final String address)
        {
            this.httpBind = address;
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
    private boolean everLive;
    private final AtomicReference<Engine> running = new AtomicReference<>();
    private volatile LiveHttpServer http;

    /** Exit code: the run ended as asked (duration reached, Ctrl-C/SIGTERM). */
    public static final int EXIT_COMPLETE = 0;
    /** Exit code: a failure inside the run (an exception on any thread, a dead consumer, the watchdog). */
    public static final int EXIT_FAILED = 1;
    /** Exit code: no spot venue was live for {@code live.maxAllDownMs}. */
    public static final int EXIT_ALL_DOWN = 3;
    /** Exit code: no spot venue ever connected (within {@code live.maxAllDownMs}, or in the whole run). */
    public static final int EXIT_NEVER_CONNECTED = 4;
    /** Exit code: free disk space fell below {@code live.minFreeDiskMb}. */
    public static final int EXIT_DISK_FULL = 5;

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

    /** The port of the run's HTTP server once it serves, -1 before or without one. */
    public int httpPort()
    {
        final LiveHttpServer server = http;
        return server == null || !server.serving() ? -1 : server.port();
    }

    /** Runs until the duration ends or a stop is requested; returns the process exit code. */
    public int run() throws InterruptedException
    {
        final RunDirectory resumed = request.resume ? RunDirectory.openForWriting(request.runDir) : null;
        final ResumePlan plan;
        try
        {
            plan = resumed == null ? null : adoptRun(resumed);
            return run(resumed, plan);
        }
        finally
        {
            if (resumed != null)
            {
                resumed.release();
            }
        }
    }

    /** A resume: the run's own parameters, venues, simulator and capture; refuses a change of logic parameters. */
    private ResumePlan adoptRun(final RunDirectory dir)
    {
        final List<String> warnings = new java.util.ArrayList<>();
        final ResumePlan plan = ResumePlan.read(dir, warnings);
        warnings.forEach(w -> LOG.warn("{}", w));
        if (request.paramsGiven)
        {
            final Map<String, String> journaled = plan.params().asMap();
            for (final Map.Entry<String, String> e : request.params.asMap().entrySet())
            {
                if (!e.getValue().equals(journaled.get(e.getKey())))
                {
                    throw new IllegalArgumentException("--resume goes on with the run's journaled logic parameters: "
                        + e.getKey() + " is " + journaled.get(e.getKey()) + " in " + dir.root() + ", not " + e.getValue()
                        + " (leave logic parameters out of --set/--config, or give the same)");
                }
            }
        }
        request.params = plan.params();
        if (request.venues == null)
        {
            final List<String> spot = plan.listField("venues");
            if (spot != null)
            {
                final List<String> names = new java.util.ArrayList<>(spot);
                if (plan.flag("kalshi", true))
                {
                    names.add("kalshi");
                }
                request.venues = String.join(",", names);
            }
        }
        if (request.simulator == null)
        {
            final String sim = plan.field("simulator");
            request.simulator = sim == null || sim.isEmpty() ? null : sim;
        }
        request.capture = request.capture || plan.flag("capture", false);
        return plan;
    }

    private int run(final RunDirectory resumed, final ResumePlan plan) throws InterruptedException
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
        final DiskGuard disk = new DiskGuard(request.runDir, live.minFreeDiskMb(), live.warnFreeDiskMb(),
            () -> runBytesWritten(request.runDir));
        disk.checkBeforeStart();
        if (kalshiEnabled)
        {
            // A missing, unusable or group/world-readable private key is bad input: refused before anything is created.
            KalshiSigner.configured(kalshiConfig.apiKeyId(), kalshiConfig.privateKeyPath(), System.getenv());
        }
        final long durationNs = durationNanos(request.duration);
        final List<arb.sbe.Venue> connected = new java.util.ArrayList<>(
            feedsConfig.enabledVenues().stream().map(v -> v.venue()).toList());
        if (kalshiEnabled)
        {
            connected.add(arb.sbe.Venue.KALSHI);
        }
        if (plan != null && clock.nowNs() <= plan.lastRecvNs())
        {
            throw new IllegalArgumentException("cannot resume " + request.runDir + ": the receive clock ("
                + java.time.Instant.ofEpochSecond(0, clock.nowNs()) + ") is not past the run's last event ("
                + java.time.Instant.ofEpochSecond(0, plan.lastRecvNs()) + "); a run against the simulator resumes "
                + "against the same simulator process");
        }
        // The HTTP port is bound before the run directory is made: a port in use is bad input, nothing created.
        final LiveHttpServer server = request.httpPort == null ? null
            : LiveHttpServer.bind(request.httpBind, request.httpPort);
        final RunDirectory dir;
        final java.nio.file.Path previousOutput;
        try
        {
            dir = resumed != null ? resumed : RunDirectory.create(request.runDir, "--run-dir");
            previousOutput = plan == null ? null : plan.moveOutputAside();
        }
        catch (final RuntimeException e)
        {
            if (server != null)
            {
                server.close();
            }
            throw e;
        }
        http = server;
        final RunLog runLog = RunLog.attach(dir.root());
        // Receive -> evaluation latency of every event, into side files of the run directory (never
        // the output journal): an environment setting, on by default, ~30 ns per event.
        final ReceiveToEvaluationProbe probe = !live.latencyProbe()
            ? null : new ReceiveToEvaluationProbe(clock::nowNs, clock.rate(), dir.root());
        final Engine.Builder builder = Engine.builder();
        if (probe != null)
        {
            builder.extraStage(out -> probe);
        }
        final OutputPrefixCheck outputCheck = plan == null ? null : new OutputPrefixCheck(previousOutput);
        if (plan != null)
        {
            if (probe != null)
            {
                probe.skipFirst(plan.catchUpInputEvents() + 1 + connected.size());
            }
            builder.extraStage(out -> outputCheck).outputListener(outputCheck)
                .alreadyJournaled(plan.catchUpInputEvents(), plan.events())
                .startedAt(plan.field("started_at"))
                .runInfo("resumes", plan.resumeCount())
                .runInfo("resumed_at", java.time.Instant.now().toString());
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
            .runInfo("kalshi", kalshiEnabled)
            .runInfo("capture", request.capture)
            .onFatal(t -> requestStop(EXIT_FAILED, "consumer failed: " + t))
            .build()
            .start();
        running.set(engine);
        if (plan != null)
        {
            catchUp(engine, dir, plan, outputCheck, previousOutput, clock, connected);
        }
        final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
        {
            LOG.error("thread {} died", t.getName(), e);
            requestStop(EXIT_FAILED, "thread " + t.getName() + " died: " + e);
        });
        final NettyTaskFailures taskFailures = NettyTaskFailures.install(why -> requestStop(EXIT_FAILED, why));

        EventLoopGroup group = null;
        CaptureWriter capture = null;
        SpotFeeds feeds = null;
        ClockTicker ticker = null;
        KalshiFeed kalshi = null;
        Watchdog watchdog = null;
        Thread hook = null;
        LiveDashboard dashboard = null;
        final long startedNanos = System.nanoTime();
        final boolean spotVenues = !feedsConfig.enabledVenues().isEmpty();
        final long maxAllDownMs = live.maxAllDownMs();
        final long checkpointMs = live.checkpointMs();
        try
        {
            group = newIoGroup();
            final EventLoop loop = group.next();
            final EventSink sink = new LoopBoundSink(loop, engine.sink());
            final java.nio.file.Path captureFile = dir.root().resolve("capture.jsonl");
            capture = !request.capture ? null
                : plan != null ? CaptureWriter.openAppending(captureFile) : CaptureWriter.open(captureFile);
            feeds = new SpotFeeds(loop, sink, clock, feedsConfig, capture);
            ticker = new ClockTicker(loop, sink, clock, tickMs);
            // The Kalshi poller only reads the index to choose which KXBTCD strikes to poll: what it
            // polls is journaled, so this cross-thread read cannot make replay differ from live.
            final arb.engine.index.IndexStage index = engine.chain().index();
            kalshi = kalshiEnabled ? new KalshiFeed(loop, sink, clock, kalshiConfig, index::publishedValue,
                feeds.httpClient(), feeds.resolver(), System.getenv(), capture) : null;
            watchdog = new Watchdog(engine, stallMs, why -> requestStop(EXIT_FAILED, "watchdog: " + why)).start();
            final LiveView view = new LiveView(feeds.gauges(), kalshi, kalshiConfig.series(), engine, disk, clock,
                stopReason::get, live.healthIndexMaxAgeMs(), live.healthKalshiMaxAgeMs());
            hook = new Thread(() ->
            {
                requestStop(EXIT_COMPLETE, "signal");
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

            disk.check();
            final ClockTicker startTicker = ticker;
            loop.execute(() ->
            {
                engine.publisher().bindToCurrentThread();
                if (plan == null)
                {
                    RunStartCodec.publish(sink, clock.nowNs(), request.params.toText());
                }
                startTicker.start();
            });
            feeds.start();
            if (kalshi != null)
            {
                loop.execute(kalshi::start);
            }
            request.out.printf("live: %s %s, clock %s, venues %s%s; log %s%n", plan == null ? "run directory" : "resumed",
                dir.root(), clock.describe(),
                feedsConfig.enabledVenues().stream().map(v -> v.venue().name().toLowerCase()).toList(),
                request.simulator == null ? " (real endpoints)" : " via simulator " + request.simulator, runLog.file());
            if (server != null)
            {
                dashboard = new LiveDashboard(view, engine.chain().trading().desk().board()).start(server.server());
                server.serve(view, LiveMetrics.registry(view));
                request.out.printf("live: dashboard http://%s:%d/ (metrics: /metrics, health: /health)%n",
                    request.httpBind.contains(":") ? "[" + request.httpBind + "]" : request.httpBind, server.port());
            }

            long lastLiveNanos = startedNanos;
            long lastCheckpointNanos = startedNanos;
            while (!stopRequested.await(Math.max(1, Math.min(statusMs,
                (durationNs - (System.nanoTime() - startedNanos)) / 1_000_000)), TimeUnit.MILLISECONDS))
            {
                final long now = System.nanoTime();
                if (now - startedNanos >= durationNs)
                {
                    requestStop(EXIT_COMPLETE, "duration reached");
                    break;
                }
                final DiskGuard.Level was = disk.level();
                if (disk.check() == DiskGuard.Level.STOP)
                {
                    requestStop(EXIT_DISK_FULL, disk.stopReason());
                    break;
                }
                if (disk.level() == DiskGuard.Level.WARN && was != DiskGuard.Level.WARN)
                {
                    LOG.warn("disk space is running low: {} (live.warnFreeDiskMb, or under 6 hours at this rate)",
                        disk.describe());
                }
                final List<VenueStatus> status = statusOrNull(feeds);
                if (status == null)
                {
                    // The I/O loop is busy (a loaded machine, a burst at a high clock rate): no status
                    // line this round. Only a loop that stays unanswering as long as all venues may
                    // be down ends the run; the journal is not affected either way.
                    if (spotVenues && (now - lastLiveNanos) / 1_000_000 >= maxAllDownMs)
                    {
                        requestStop(EXIT_ALL_DOWN, "the feeds' I/O loop did not answer for "
                            + (now - lastLiveNanos) / 1_000_000 + " ms (live.maxAllDownMs " + maxAllDownMs + ")");
                        break;
                    }
                    continue;
                }
                if (anyLive(status))
                {
                    everLive = true;
                    lastLiveNanos = now;
                }
                else if (spotVenues && (now - lastLiveNanos) / 1_000_000 >= maxAllDownMs)
                {
                    requestStop(everLive ? EXIT_ALL_DOWN : EXIT_NEVER_CONNECTED, everLive
                        ? "no spot venue was live for " + (now - lastLiveNanos) / 1_000_000 + " ms (live.maxAllDownMs "
                            + maxAllDownMs + ")"
                        : "no spot venue connected within " + (now - startedNanos) / 1_000_000
                            + " ms (live.maxAllDownMs " + maxAllDownMs + ")");
                    break;
                }
                printStatus(status, view);
                if ((now - lastCheckpointNanos) / 1_000_000 >= checkpointMs)
                {
                    lastCheckpointNanos = now;
                    engine.checkpoint();
                }
            }
        }
        catch (final RuntimeException | Error e)
        {
            LOG.error("live run failed", e);
            requestStop(EXIT_FAILED, "failed: " + e);
        }

        // Orderly stop: feeds first (their STOPPED events are published on the loop), then the timer,
        // then drain and close the engine.
        try
        {
            List<VenueStatus> finalStatus = List.of();
            if (group != null)
            {
                final EventLoop loop = group.next();
                if (kalshi != null)
                {
                    final CountDownLatch kalshiStopped = new CountDownLatch(1);
                    final KalshiFeed k = kalshi;
                    loop.execute(() ->
                    {
                        k.stop();
                        kalshiStopped.countDown();
                    });
                    kalshiStopped.await(stopTimeoutMs, TimeUnit.MILLISECONDS);
                }
                if (feeds != null)
                {
                    feeds.stop(stopTimeoutMs);
                }
                if (ticker != null)
                {
                    final CountDownLatch tickerStopped = new CountDownLatch(1);
                    final ClockTicker t = ticker;
                    loop.execute(() ->
                    {
                        t.stop();
                        tickerStopped.countDown();
                    });
                    tickerStopped.await(stopTimeoutMs, TimeUnit.MILLISECONDS);
                }
                if (feeds != null)
                {
                    finalStatus = feeds.status(stopTimeoutMs);
                    everLive |= anyEverLive(finalStatus);
                }
                if (kalshi != null)
                {
                    kalshi.close();
                }
                if (feeds != null)
                {
                    feeds.close();
                }
                group.shutdownGracefully(0, stopTimeoutMs, TimeUnit.MILLISECONDS).await(stopTimeoutMs * 2);
            }
            if (watchdog != null)
            {
                watchdog.close();
            }
            if (spotVenues && !everLive && feeds != null && exitCode.get() == EXIT_COMPLETE)
            {
                // A run that never received a spot venue's data gathered nothing: a supervisor must see it.
                LOG.error("no spot venue ever connected");
                stopReason.set(stopReason.get() + ", but no spot venue ever connected");
                exitCode.set(EXIT_NEVER_CONNECTED);
            }
            engine.endedAs(ended(exitCode.get(), stopReason.get()));
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
            requestStop(EXIT_FAILED, "failed while stopping: " + e);
            exitCode.compareAndSet(EXIT_COMPLETE, EXIT_FAILED);
        }
        finally
        {
            if (exitCode.get() == EXIT_COMPLETE && engine.fatalError() != null)
            {
                exitCode.set(EXIT_FAILED);
            }
            // The one line a supervisor reads: how the run ended and its exit code.
            request.out.printf("live: ended %s (exit %d)%n", engine.ended() == null ? ended(exitCode.get(),
                stopReason.get()) : engine.ended(), exitCode.get());
            request.out.flush();
            if (dashboard != null)
            {
                dashboard.close();
            }
            if (server != null)
            {
                server.close();
            }
            runLog.close();
            if (taskFailures != null)
            {
                taskFailures.close();
            }
            Thread.setDefaultUncaughtExceptionHandler(previous);
            done.countDown();
            if (hook != null && request.installSignalHandlers && "signal".equals(stopReason.get()) == false)
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

    /** How a run ended, for run.json's {@code ended}, from its exit code and stop reason. */
    static String ended(final int code, final String why)
    {
        switch (code)
        {
            case EXIT_COMPLETE:
                return "complete";
            case EXIT_ALL_DOWN:
                return "all_venues_down";
            case EXIT_NEVER_CONNECTED:
                return "never_connected";
            case EXIT_DISK_FULL:
                return "disk_full";
            default:
                return why != null && why.startsWith("watchdog") ? why : "failed: " + why;
        }
    }

    /** A duration in ns, saturated: a duration too long to count in ns runs until stopped. */
    static long durationNanos(final Duration d)
    {
        if (d == null)
        {
            return Long.MAX_VALUE;
        }
        try
        {
            return d.toNanos();
        }
        catch (final ArithmeticException tooLong)
        {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The feeds' status, or null when their I/O loop did not answer within a second: a status query
     * that times out under load skips one status line instead of failing the run (found by the soak
     * on a loaded machine: "event loop did not answer within 1000 ms", exit 1).
     */
    static List<VenueStatus> statusOrNull(final SpotFeeds feeds)
    {
        try
        {
            return feeds.status(STATUS_TIMEOUT_MS);
        }
        catch (final IllegalStateException e)
        {
            if (!(e.getCause() instanceof java.util.concurrent.TimeoutException))
            {
                throw e;
            }
            LOG.warn("status skipped: the feeds' I/O loop did not answer within {} ms", STATUS_TIMEOUT_MS);
            return null;
        }
    }

    private static boolean anyLive(final List<VenueStatus> status)
    {
        for (final VenueStatus v : status)
        {
            if (v.state() == FeedState.LIVE)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEverLive(final List<VenueStatus> status)
    {
        for (final VenueStatus v : status)
        {
            if (v.upMillis() > 0 || v.state() == FeedState.LIVE)
            {
                return true;
            }
        }
        return false;
    }

    /** The catch-up of a resume ({@link ResumeCatchUp}), reported on the console. */
    private void catchUp(final Engine engine, final RunDirectory dir, final ResumePlan plan,
        final OutputPrefixCheck check, final java.nio.file.Path previousOutput, final ReceiveClock clock,
        final List<arb.sbe.Venue> connected)
    {
        request.out.printf("live: resuming %s (it had %s; resume #%d): rebuilding the state from %,d journaled "
            + "events%s...%n", dir.root(), plan.priorStatus(), plan.resumeCount(), plan.events(),
            plan.torn() == null ? "" : " (" + plan.torn() + ")");
        final ResumeCatchUp.Report report = ResumeCatchUp.run(engine, dir, plan, check, previousOutput, clock.nowNs(),
            connected);
        request.out.println("live: " + report.describe());
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

    /** What this run has written so far: its journals' payload bytes and its other files (capture, log, latency). */
    private long runBytesWritten(final Path root)
    {
        final Engine engine = running.get();
        long bytes = engine == null ? 0 : engine.inputBytesJournaled() + engine.output().bytesWritten();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(root))
        {
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                if (java.nio.file.Files.isRegularFile(f))
                {
                    bytes += java.nio.file.Files.size(f);
                }
            }
        }
        catch (final java.io.IOException | java.io.UncheckedIOException e)
        {
            // the directory does not exist yet (the check before start), or a file vanished: count what was seen
        }
        return bytes;
    }

    private void printStatus(final List<VenueStatus> s, final LiveView view)
    {
        request.out.print(LiveStatus.lines(s, view));
    }
}
