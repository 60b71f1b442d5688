package arb.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import arb.feeds.net.VenueConfig;
import arb.sbe.Venue;
import arb.sim.FaultSpec;
import arb.sim.SimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The local venue simulator (each venue's real protocol on loopback), with scheduled faults. */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {"Start the venue simulator on loopback: Coinbase, Kraken v2, Bitstamp and Binance.US (WebSocket + REST) "
        + "and Kalshi (REST + signed WebSocket) speaking their real protocols, fed by a seeded market (or a capture), with "
        + "fault injection. Prints its port, endpoints and clock; runs until stopped (Ctrl-C).",
        "Spot faults: " + FaultSpec.SPOT_FAULTS + ".",
        "Kalshi faults: " + FaultSpec.KALSHI_FAULTS + "; late listings: --kalshi-listing-delay-ms; stale listings "
            + "(closed markets still listed open): --kalshi-closed-open-ms.",
        "With --capture only the spot venues are served: " + SimulatorMain.NO_KALSHI_IN_CAPTURE + "."})
public final class SimCommand implements Callable<Integer>
{
    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P",
        description = "Port to listen on, 0-65535 (default: ${DEFAULT-VALUE}: a free port, printed at start).")
    int port;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Market model seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "1", paramLabel = "R",
        description = "Clock rate: market time runs R times faster than the wall clock, above 0 and at most 10000 "
            + "(default: ${DEFAULT-VALUE}; `live --endpoints` adopts the clock).")
    double rate;

    @Option(names = "--start", paramLabel = "T", converter = InstantConverter.class,
        description = "Market time at start, ISO-8601 (default: now).")
    Instant start;

    @Option(names = "--venues", paramLabel = "a,b,..",
        description = "Venues to serve, comma list of coinbase, kraken, bitstamp, binanceus, gemini, kalshi (default: all).")
    String venues;

    @Option(names = "--intensity", defaultValue = "1", paramLabel = "X",
        description = "Multiplier on every venue's update and trade rate, above 0 and at most 100 (default: ${DEFAULT-VALUE}).")
    double intensity;

    @Option(names = "--series", defaultValue = "KXBTC15M", paramLabel = "S,..",
        description = "Kalshi series served: KXBTC15M (15-minute windows), KXBTCD (hourly events of 12 strikes) or both, "
            + "comma-separated (default: ${DEFAULT-VALUE}).")
    String series;

    @Option(names = "--fault", paramLabel = "VENUE:FAULT[xN]@AFTER_MS[/EVERY_MS]",
        description = "Inject FAULT into VENUE AFTER_MS (wall ms) after start, then every EVERY_MS (repeatable); xN: the "
            + "next N Kalshi requests (429, 5xx, slow). E.g. kraken:garbage@5000/5000, kalshi:429x15@10000, "
            + "kalshi:503x6@2000, kalshi:slowx6@5000, kalshi:seq-gap@3000/10000.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--slow-accept-ms", defaultValue = "3000", paramLabel = "MS",
        description = "Delay of a handshake under the slow-accept fault (default: ${DEFAULT-VALUE}).")
    long slowAcceptMs;

    @Option(names = "--kalshi-slow-ms", defaultValue = "2000", paramLabel = "MS",
        description = "Delay of a Kalshi REST response under the slow fault (default: ${DEFAULT-VALUE}).")
    long kalshiSlowMs;

    @Option(names = "--kalshi-listing-delay-ms", defaultValue = "0", paramLabel = "MS",
        description = "A Kalshi market is listed only this long after it opens (late listing; default: ${DEFAULT-VALUE}).")
    long kalshiListingDelayMs;

    @Option(names = "--kalshi-closed-open-ms", defaultValue = "0", paramLabel = "MS",
        description = "A closed Kalshi market is still listed as open for this long (stale listing; default: ${DEFAULT-VALUE}).")
    long kalshiClosedOpenMs;

    @Option(names = "--capture", paramLabel = "FILE",
        description = "Replay this capture.jsonl's spot frames instead of running the market model (no Kalshi).")
    Path capture;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
        description = "With --capture: replay speed, above 0 (default: ${DEFAULT-VALUE}).")
    double speed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        SimulatorMain.runUntilStopped(options());
        return 0;
    }

    /** The options, every one checked: a bad value is one line and exit code 2, before anything listens. */
    SimulatorMain.Options options()
    {
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("--port must be in 0-65535, got " + port);
        }
        if (!(rate > 0 && rate <= 10_000))
        {
            throw new IllegalArgumentException("--rate must be above 0 and at most 10000, got " + rate);
        }
        if (!(intensity > 0 && intensity <= 100))
        {
            throw new IllegalArgumentException("--intensity must be above 0 and at most 100, got " + intensity);
        }
        if (!(speed > 0 && speed <= 1_000_000))
        {
            throw new IllegalArgumentException("--speed must be above 0, got " + speed);
        }
        nonNegative("--slow-accept-ms", slowAcceptMs);
        nonNegative("--kalshi-slow-ms", kalshiSlowMs);
        nonNegative("--kalshi-listing-delay-ms", kalshiListingDelayMs);
        nonNegative("--kalshi-closed-open-ms", kalshiClosedOpenMs);
        if (capture != null && !Files.isRegularFile(capture))
        {
            throw new IllegalArgumentException("no capture file at " + capture);
        }
        final SimulatorMain.Options o = new SimulatorMain.Options().host(host).port(port).seed(seed).rate(rate)
            .intensity(intensity).slowAcceptMs(slowAcceptMs).kalshiSlowMs(kalshiSlowMs)
            .kalshiListingDelayMs(kalshiListingDelayMs).kalshiClosedOpenMs(kalshiClosedOpenMs);
        if (start != null)
        {
            o.startNs(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }
        final String list = "," + series.toUpperCase(Locale.ROOT).replace(" ", "") + ",";
        if (!list.matches("(,(KXBTC15M|KXBTCD))+,"))
        {
            throw new IllegalArgumentException("--series takes KXBTC15M, KXBTCD or both, comma-separated; got '" + series + "'");
        }
        o.series(list.contains(",KXBTC15M,"), list.contains(",KXBTCD,"));
        boolean kalshi = true;
        if (venues != null)
        {
            final Set<Venue> set = EnumSet.noneOf(Venue.class);
            kalshi = false;
            for (final String name : LiveCommand.checkVenues(venues).split(","))
            {
                if ("kalshi".equals(name))
                {
                    kalshi = true;
                }
                else
                {
                    set.add(VenueConfig.venueOf(name));
                }
            }
            o.venues(set);
        }
        o.kalshi(kalshi);
        for (final String f : faults)
        {
            final FaultSpec parsed = FaultSpec.parse(f);
            if (parsed.kalshi() && (capture != null || !kalshi))
            {
                throw new IllegalArgumentException("--fault " + f + ": Kalshi is not served"
                    + (capture != null ? " with --capture" : " (--venues leaves it out)"));
            }
            if (!parsed.kalshi() && venues != null && !venues.toLowerCase(Locale.ROOT).contains(
                parsed.venue().name().toLowerCase(Locale.ROOT)))
            {
                throw new IllegalArgumentException("--fault " + f + ": " + parsed.venue().name().toLowerCase(Locale.ROOT)
                    + " is not served (--venues)");
            }
            o.fault(parsed);
        }
        if (capture != null)
        {
            o.capture(capture, speed);
        }
        return o;
    }

    private static void nonNegative(final String option, final long ms)
    {
        if (ms < 0)
        {
            throw new IllegalArgumentException(option + " must be 0 or more, got " + ms);
        }
    }
}
