package arb.engine.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import arb.engine.config.Params;
import arb.engine.gen.SessionGenerator;
import arb.engine.run.EngineVersion;
import arb.engine.run.RunStartCodec;
import arb.feeds.sim.MarketModelConfig;
import arb.journal.Events;
import arb.journal.JournalSink;
import arb.journal.JournalWriter;
import arb.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a synthetic session's input journal. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic session (four venues, Kalshi 15-minute markets, clock ticks) "
        + "as a run directory's input journal. Same seed, same bytes.")
public final class GenCommand implements Callable<Integer>
{
    @Option(names = "--seed", required = true, description = "Random seed.")
    long seed;

    @Option(names = "--minutes", required = true, description = "Session length in minutes of event time.")
    double minutes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New run directory to create.")
    Path out;

    @Option(names = "--start", defaultValue = "2026-03-02T14:00:00Z",
        description = "Session start, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--intensity", defaultValue = "1",
        description = "Multiplier on every venue's update/trade rate (default: ${DEFAULT-VALUE}).")
    double intensity;

    @Option(names = "--kalshi-lag-ms", defaultValue = "5000",
        description = "How far Kalshi's quotes trail the latent price (default: ${DEFAULT-VALUE}).")
    int kalshiLagMs;

    @Mixin
    ParamOptions paramOptions;

    @Override
    public Integer call()
    {
        if (minutes <= 0)
        {
            throw new IllegalArgumentException("--minutes must be positive");
        }
        final Params params = paramOptions.apply(Params.defaults());
        final long startNs = Instant.parse(start).getEpochSecond() * 1_000_000_000L;
        final long endNs = startNs + (long)(minutes * 60e9);
        final MarketModelConfig config = new MarketModelConfig().intensity(intensity);
        config.kalshiLagMs = kalshiLagMs;
        final RunDirectory dir = RunDirectory.create(out);
        final long t0 = System.nanoTime();
        long events;
        try (JournalWriter writer = new JournalWriter(dir.input()))
        {
            final JournalSink sink = new JournalSink(writer);
            RunStartCodec.publish(sink, startNs, params.toText());
            final SessionGenerator gen = new SessionGenerator(config, seed, startNs, sink);
            gen.begin(startNs);
            final long step = 60_000_000_000L * 5;
            long lastReport = System.nanoTime();
            for (long t = startNs; t < endNs; t = Math.min(endNs, t + step))
            {
                gen.runUntil(Math.min(endNs, t + step));
                if (System.nanoTime() - lastReport > 2_000_000_000L)
                {
                    lastReport = System.nanoTime();
                    System.err.printf("gen: %.0f%% (%,d events)%n", 100.0 * (t + step - startNs) / (endNs - startNs),
                        sink.count());
                }
            }
            events = sink.count();
        }
        final double secs = (System.nanoTime() - t0) / 1e9;
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("engine", "arb");
        run.put("engine_version", EngineVersion.VERSION);
        run.put("schema_id", Events.SCHEMA_ID);
        run.put("schema_version", Events.SCHEMA_VERSION);
        run.put("mode", "gen");
        run.put("status", "complete");
        run.put("seed", seed);
        run.put("minutes", minutes);
        run.put("intensity", intensity);
        run.put("kalshi_lag_ms", kalshiLagMs);
        run.put("session_start", start);
        run.put("session_end", Instant.ofEpochSecond(endNs / 1_000_000_000L).toString());
        run.put("input_events", events);
        run.put("params", new LinkedHashMap<>(params.asMap()));
        dir.writeRunJson(run);
        System.out.printf("gen: %,d events, %.1f min of event time, seed %d, in %.1f s (%,.0f events/s) -> %s%n",
            events, minutes, seed, secs, events / secs, out);
        return 0;
    }
}
