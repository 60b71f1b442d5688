package arb.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import arb.engine.config.ParamCatalog;
import arb.engine.config.Params;
import arb.app.live.EnvSettings;
import arb.app.live.LiveRun;
import arb.market.config.KeyValues;
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

    @Option(names = "--venues", paramLabel = "a,b,..", description = "Spot venues to run (default all): coinbase,kraken,bitstamp,binanceus,gemini.")
    String venues;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after D (e.g. 90s, 10m, 2h; default: until Ctrl-C).")
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

    @Override
    public Integer call() throws Exception
    {
        if (resume != null && runDir != null)
        {
            throw new IllegalArgumentException("--resume RUN_DIR names the run directory: leave --run-dir out");
        }
        final LiveRun.Request r = new LiveRun.Request();
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
        r.params(params);
        r.paramsGiven(paramsGiven);
        r.resume(resume != null);
        r.env(env);
        r.venues(venues);
        r.capture(capture);
        r.duration(duration == null ? null : Durations.parse(duration));
        if (endpoints != null)
        {
            if (!endpoints.startsWith("sim="))
            {
                throw new IllegalArgumentException("--endpoints takes sim=HOST:PORT");
            }
            r.simulator(endpoints.substring(4));
        }
        r.runDir(resume != null ? resume : runDir != null ? runDir
            : Path.of("runs", "live-" + Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "")));
        return new LiveRun(r).run();
    }
}
