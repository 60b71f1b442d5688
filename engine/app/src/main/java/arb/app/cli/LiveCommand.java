package arb.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import arb.engine.config.ParamCatalog;
import arb.engine.config.Params;
import arb.engine.run.ChainFactory;
import arb.feeds.net.VenueConfig;
import arb.app.live.EnvSettings;
import arb.app.live.LiveRun;
import arb.market.config.KeyValues;
import arb.market.config.TypedValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the engine against the real venues (default) or the local simulator. */
@Command(name = "live", mixinStandardHelpOptions = true,
    description = "Connect to the venues (real public endpoints by default, or the simulator), journal every input, "
        + "run the chain, print a status line every 10 s and a summary at the end. Ctrl-C/SIGTERM stops cleanly (exit 0).")
public final class LiveCommand implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "key=value file: logic parameters (journaled) and feeds.*/clock.*/kalshi.*/live.* settings.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Override a logic parameter or an environment setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--venues", paramLabel = "a,b,..",
        description = "Venues to run, comma list of coinbase, kraken, bitstamp, binanceus, gemini, kalshi (default: all).")
    String venues;

    @Option(names = "--duration", paramLabel = "D",
        description = "Stop after D: a positive number with a unit ms, s, m, h or d (e.g. 90s, 10m, 2h; default: until Ctrl-C).")
    String duration;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "New run directory (default: runs/live-<UTC time>).")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
        description = "Continue a live run that crashed or was stopped: check its journal, rebuild every stage's state "
            + "from it, journal a resume marker with the gap, reconnect and go on appending. Uses the run's journaled "
            + "logic parameters and its venues, simulator and capture from run.json (unless given).")
    Path resume;

    @Option(names = "--endpoints", paramLabel = "sim=HOST:PORT",
        description = "Point every venue at the local simulator: sim=HOST:PORT (as printed by `arb sim`).")
    String endpoints;

    @Option(names = "--capture", description = "Also write every raw frame in and out to capture.jsonl in the run directory.")
    boolean capture;

    @Option(names = {"--http", "--metrics-port"}, paramLabel = "PORT",
        description = "Serve the dashboard (/), Prometheus metrics (/metrics) and health (/health, 200 or 503) on PORT "
            + "(0: any free port, printed at start).")
    Integer httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDRESS",
        description = "Address the HTTP server binds (default 127.0.0.1: this machine only; 0.0.0.0: every interface).")
    String httpBind = "127.0.0.1";

    @Option(names = "--log-level", paramLabel = "LEVEL",
        description = "trace, debug, info (default), warn, error or off; applies to stderr and the run's live.log.")
    String logLevel;

    @Override
    public Integer call() throws Exception
    {
        if (resume != null && runDir != null)
        {
            throw new IllegalArgumentException("--resume RUN_DIR names the run directory: leave --run-dir out");
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535))
        {
            throw new IllegalArgumentException("--http takes a port from 0 to 65535, not " + httpPort);
        }
        if (logLevel != null)
        {
            arb.app.live.RunLog.level(logLevel);
        }
        final LiveRun.Request r = new LiveRun.Request();
        r.httpPort(httpPort);
        r.httpBind(httpBind);
        Params params = Params.defaults();
        boolean paramsGiven = false;
        final EnvSettings env = new EnvSettings();
        if (config != null)
        {
            final Params fromFile = params.withFile(config);
            paramsGiven = !fromFile.asMap().equals(params.asMap());
            params = fromFile;
            env.withFile(config);
        }
        for (final String s : sets)
        {
            final KeyValues.Entry e = KeyValues.assignment(s);
            if (ParamCatalog.spec(e.key()) != null || !EnvSettings.isEnvKey(e.key()))
            {
                params = params.with(s);
                paramsGiven = true;
            }
            else
            {
                env.set(e.key(), e.value());
            }
        }
        env.values();
        ChainFactory.check(params);
        r.params(params);
        r.paramsGiven(paramsGiven);
        r.resume(resume != null);
        r.env(env);
        r.venues(venues == null ? null : checkVenues(venues));
        r.capture(capture);
        r.duration(duration == null ? null : Durations.parse("--duration", duration));
        if (endpoints != null)
        {
            if (!endpoints.startsWith("sim="))
            {
                throw new IllegalArgumentException("--endpoints takes sim=HOST:PORT, got '" + endpoints + "'");
            }
            TypedValues.checkHostPort("option", "--endpoints sim=", endpoints.substring(4));
            r.simulator(endpoints.substring(4));
        }
        r.runDir(resume != null ? resume : runDir != null ? runDir
            : Path.of("runs", "live-" + Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "")));
        return new LiveRun(r).run();
    }

    /** The venue list, checked: known names (the spot venues and kalshi), at least one, none twice. */
    static String checkVenues(final String list)
    {
        final List<String> names = new ArrayList<>();
        for (final String raw : list.split(",", -1))
        {
            final String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty())
            {
                throw new IllegalArgumentException("--venues takes a comma list of coinbase, kraken, bitstamp, binanceus, "
                    + "gemini, kalshi; got '" + list + "'");
            }
            if (!"kalshi".equals(name))
            {
                VenueConfig.venueOf(name);
            }
            if (names.contains(name))
            {
                throw new IllegalArgumentException("--venues names " + name + " twice");
            }
            names.add(name);
        }
        return String.join(",", names);
    }
}
