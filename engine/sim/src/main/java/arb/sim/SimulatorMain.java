package arb.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;

import arb.feeds.ReceiveClock;
import arb.feeds.net.VenueConfig;
import arb.sbe.Venue;
import arb.sim.kalshi.KalshiSim;
import arb.sim.market.MarketModelConfig;

/**
 * The command line of {@code arb sim}: parses the options into a {@link VenueSimulator} with the Kalshi
 * simulator on the same port and market, prints where it listens and runs until killed.
 */
public final class SimulatorMain
{
    private SimulatorMain()
    {
    }

    /**
     * {@code arb sim [--host H] [--port P] [--seed S] [--rate R] [--start ISO-INSTANT] [--venues a,b]
     * [--intensity F] [--series KXBTC15M,KXBTCD] [--fault venue:fault@afterMs[/everyMs]]... [--capture FILE [--speed X]]}.
     * Prints where it listens and runs until killed.
     */
    public static void main(final String[] args) throws Exception
    {
        final VenueSimulator.Builder b = VenueSimulator.builder();
        final KalshiSim.Config kalshiSettings = new KalshiSim.Config();
        double rate = 1.0;
        Long start = null;
        Path capture = null;
        double speed = 1.0;
        final MarketModelConfig model = new MarketModelConfig();
        for (int i = 0; i < args.length; i++)
        {
            final String a = args[i];
            switch (a)
            {
                case "--host": b.host(args[++i]); break;
                case "--port": b.port(Integer.parseInt(args[++i])); break;
                case "--seed": b.seed(Long.parseLong(args[++i])); break;
                case "--rate": rate = Double.parseDouble(args[++i]); break;
                case "--start":
                    final Instant t = Instant.parse(args[++i]);
                    start = t.getEpochSecond() * 1_000_000_000L + t.getNano();
                    break;
                case "--venues":
                    final EnumSet<Venue> set = EnumSet.noneOf(Venue.class);
                    for (final String v : args[++i].split(","))
                    {
                        set.add(VenueConfig.venueOf(v));
                    }
                    b.venues(set);
                    break;
                case "--intensity": model.intensity(Double.parseDouble(args[++i])); break;
                case "--series":
                    final String series = "," + args[++i].toUpperCase(java.util.Locale.ROOT).replace(" ", "") + ",";
                    if (!series.matches("(,(KXBTC15M|KXBTCD))+,"))
                    {
                        throw new IllegalArgumentException("--series takes KXBTC15M, KXBTCD or both, comma-separated");
                    }
                    model.series(series.contains(",KXBTC15M,"), series.contains(",KXBTCD,"), 12);
                    break;
                case "--fault": b.fault(VenueSimulator.ScheduledFault.parse(args[++i])); break;
                case "--capture": capture = Path.of(args[++i]); break;
                case "--speed": speed = Double.parseDouble(args[++i]); break;
                case "--slow-accept-ms": b.slowAcceptMs(Long.parseLong(args[++i])); break;
                case "--kalshi-listing-delay-ms": kalshiSettings.listingDelayMs(Long.parseLong(args[++i])); break;
                case "--kalshi-closed-open-ms": kalshiSettings.closedListedAsOpenMs(Long.parseLong(args[++i])); break;
                case "-h":
                case "--help":
                    System.out.println("usage: arb sim [--host H] [--port P] [--seed S] [--rate R] [--start ISO]"
                        + " [--venues coinbase,kraken,bitstamp,binanceus] [--intensity F] [--series KXBTC15M,KXBTCD]"
                        + " [--fault venue:fault@afterMs[/everyMs]]... [--capture FILE [--speed X]]"
                        + " [--kalshi-listing-delay-ms MS] [--kalshi-closed-open-ms MS]\n"
                        + "faults: drop, silence, garbage, skip-sequence, bad-checksum, cross-book, reconnect-request,"
                        + " slow-accept");
                    return;
                default:
                    throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        b.modelConfig(model);
        if (capture != null)
        {
            b.capture(capture, speed);
        }
        final ReceiveClock clock = start != null ? ReceiveClock.startingAt(start, rate) : ReceiveClock.offset(0, rate);
        b.clock(clock);
        // Kalshi's REST and WebSocket on the same port, on the model's KXBTC15M windows.
        final KalshiSim kalshi = capture == null ? new KalshiSim(clock, kalshiSettings) : null;
        if (kalshi != null)
        {
            b.marketListener(kalshi);
        }
        final VenueSimulator built = b.build();
        if (kalshi != null)
        {
            kalshi.register(built.routes());
        }
        final VenueSimulator sim = built.start();
        if (kalshi != null)
        {
            kalshi.attach(() -> sim.model().truePrice());
        }
        System.out.println(sim.describe());
        System.out.flush();
        final CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            sim.close();
            done.countDown();
        }, "sim-shutdown"));
        done.await();
    }
}
