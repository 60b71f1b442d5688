package arb.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import arb.engine.ring.WaitStrategies;
import arb.engine.run.Replay;
import arb.journal.EventDumper;
import arb.journal.Events;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Re-runs a journal through the same ring and consumers, optionally with other logic parameters. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a run's input journal through the engine into a new output journal. With --set/--config "
        + "it is a deterministic backtest under other logic parameters.")
public final class ReplayCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory whose input journal is replayed.")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "New run directory for the results.")
    Path out;

    @Option(names = "--paced", description = "Replay at recorded speed instead of as fast as possible.")
    boolean paced;

    @Option(names = "--speed", defaultValue = "1", description = "With --paced: speed factor (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--wait-strategy", defaultValue = WaitStrategies.DEFAULT,
        description = "Ring wait strategy: blocking, lite-blocking, sleeping, yielding, busy-spin, disruptor-blocking "
            + "(default: ${DEFAULT-VALUE}).")
    String waitStrategy;

    @Option(names = "--allow-partial", description = "Replay the readable part of a damaged, cut or torn journal (its "
        + "events up to the first problem) instead of refusing it; the replay's run.json says partial and why.")
    boolean allowPartial;

    @Mixin
    ParamOptions paramOptions;

    @Override
    public Integer call()
    {
        if (!(speed > 0 && speed <= 1_000_000))
        {
            throw new IllegalArgumentException("--speed must be a number above 0 (at most 1000000), got " + speed);
        }
        WaitStrategies.byName(waitStrategy);
        final Replay.Request r = new Replay.Request();
        r.source(source).out(out).overrides(paramOptions::apply).speed(paced ? speed : 0).waitStrategy(waitStrategy)
            .allowPartial(allowPartial);
        final long t0 = System.nanoTime();
        final long[] lastReport = {t0};
        r.progress((n, recvNs) ->
        {
            final long now = System.nanoTime();
            if (now - lastReport[0] > 2_000_000_000L)
            {
                lastReport[0] = now;
                System.err.printf("replay: %,d events (%,.0f events/s)%n", n, n / ((now - t0) / 1e9));
            }
        });
        final Replay.Result result = Replay.run(r);
        r.warnings().forEach(w -> System.err.println("replay: " + w));
        final EventDumper names = new EventDumper();
        System.out.printf("replay: %,d events in %.2f s = %,.0f events/s -> %s%n", result.events(), result.seconds(),
            result.eventsPerSecond(), out);
        final StringBuilder counts = new StringBuilder();
        for (int t = Events.FIRST_OUTPUT_TEMPLATE; t < 256; t++)
        {
            if (result.engine().output().count(t) > 0)
            {
                counts.append(counts.length() == 0 ? "" : ", ").append(names.messageName(t)).append(' ')
                    .append(result.engine().output().count(t));
            }
        }
        System.out.println("outputs: " + result.engine().output().count() + " (" + counts + ")");
        if (result.engine().businessChain().errors() > 0)
        {
            System.out.println("chain errors: " + result.engine().businessChain().errors() + " (see log)");
        }
        if (result.engine().results() != null)
        {
            System.out.print(result.engine().results().consoleSummary());
        }
        return result.engine().fatalError() == null ? 0 : 1;
    }
}
