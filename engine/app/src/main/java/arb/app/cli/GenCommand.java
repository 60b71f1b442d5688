package arb.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import arb.engine.config.Params;
import arb.sim.gen.SessionWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a synthetic session's input journal. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic session (four venues, Kalshi 15-minute markets and, with --series, "
        + "KXBTCD hourly events, clock ticks) "
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

    @Option(names = "--series", defaultValue = "KXBTC15M",
        description = "Kalshi series to write: KXBTC15M (15-minute windows), KXBTCD (hourly events of many strikes, "
            + "YES above each strike, settling on the same 60-second average before the hour), or both comma-separated "
            + "(default: ${DEFAULT-VALUE}).")
    String series;

    @Option(names = "--hourly-strikes", defaultValue = "12",
        description = "Strike markets per KXBTCD hourly event, 250 USD apart around the price at its start "
            + "(default: ${DEFAULT-VALUE}).")
    int hourlyStrikes;

    @Option(names = "--relay",
        description = "Also write Kalshi's relay of the official index (cfbenchmarks_value) every second: the "
            + "session's latent price, as the simulator relays it, so accuracy scores the per-second error too.")
    boolean relay;

    @Option(names = "--gemini",
        description = "Also write Gemini as a fifth venue (its own book, trades, lag and basis around the same latent "
            + "price, from a random sequence of its own: every other venue's events are the same as without it). The index "
            + "uses it only when index.cfrti.venues (or index.weightedLast.weights) names gemini.")
    boolean gemini;

    @Option(names = "--fee-multiplier", defaultValue = "1",
        description = "fee_multiplier of each written series' fee schedule (a KalshiSeries event at the start, "
            + "fee_type quadratic), which the paper broker charges (default: ${DEFAULT-VALUE}).")
    String feeMultiplier;

    @Mixin
    ParamOptions paramOptions;

    @Override
    public Integer call()
    {
        final Params params = paramOptions.apply(Params.defaults());
        final SessionWriter.Request r = new SessionWriter.Request()
            .seed(seed)
            .minutes(minutes)
            .start(start)
            .intensity(intensity)
            .kalshiLagMs(kalshiLagMs)
            .series(series)
            .hourlyStrikes(hourlyStrikes)
            .relay(relay)
            .gemini(gemini)
            .feeMultiplier(feeMultiplier)
            .params(params);
        final long t0 = System.nanoTime();
        final long[] lastReport = {t0};
        final long events = SessionWriter.write(out, r, n ->
        {
            if (System.nanoTime() - lastReport[0] > 2_000_000_000L)
            {
                lastReport[0] = System.nanoTime();
                System.err.printf("gen: %,d events so far%n", n);
            }
        });
        final double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("gen: %,d events, %.1f min of event time, seed %d, in %.1f s (%,.0f events/s) -> %s%n",
            events, minutes, seed, secs, events / secs, out);
        return 0;
    }
}
