package arb.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import arb.sim.SimulatorMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The local venue simulator (each venue's real protocol on loopback). */
@Command(name = "sim", mixinStandardHelpOptions = false,
    description = {"Start the venue simulator on loopback: Coinbase, Kraken v2, Bitstamp and Binance.US speaking their real "
        + "protocols, fed by a seeded market (or a capture), with fault injection. Prints its port, endpoints and clock.",
        "Options: [--host 127.0.0.1] [--port 0] [--seed 1] [--rate 1] [--start ISO] [--venues a,b] [--intensity 1.0]",
        "         [--series KXBTC15M,KXBTCD] (Kalshi: 15-minute windows, hourly events of 12 strikes, or both)",
        "         [--fault VENUE:FAULT@AFTER_MS[/EVERY_MS]]... [--slow-accept-ms 3000] [--capture FILE [--speed 1.0]]",
        "Faults: drop, silence, garbage, skip-sequence, bad-checksum, cross-book, reconnect-request, slow-accept."})
public final class SimCommand implements Callable<Integer>
{
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        SimulatorMain.main(args.toArray(new String[0]));
        return 0;
    }
}
