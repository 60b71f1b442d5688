package arb.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import arb.engine.config.Params;
import arb.engine.ring.WaitStrategies;
import arb.engine.run.Engine;
import arb.engine.run.ReplaySource;
import arb.engine.run.RunStartCodec;
import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.RunDirectory;
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
        description = "Ring wait strategy: blocking, lite-blocking, sleeping, yielding, busy-spin (default: ${DEFAULT-VALUE}).")
    String waitStrategy;

    @Mixin
    ParamOptions paramOptions;

    @Override
    public Integer call()
    {
        final RunDirectory src = RunDirectory.open(source);
        if (!hasJournal(src.input()))
        {
            throw new IllegalArgumentException(source + " has no input journal (a replay's own directory holds only its "
                + "output; replay the run it came from, named in its run.json \"source\")");
        }
        final RunStartCodec.Header header = RunStartCodec.read(src.input());
        if (header.schemaId() != Events.SCHEMA_ID || header.schemaVersion() > Events.SCHEMA_VERSION)
        {
            throw new IllegalArgumentException("journal schema " + header.schemaId() + " v" + header.schemaVersion()
                + " cannot be read by this engine (schema " + Events.SCHEMA_ID + " v" + Events.SCHEMA_VERSION + ")");
        }
        final List<String> warnings = new ArrayList<>();
        final Params params = paramOptions.apply(Params.fromText(header.paramsText(), warnings));
        warnings.forEach(w -> System.err.println("replay: " + w));
        final RunDirectory dir = RunDirectory.create(out);
        final Engine engine = Engine.builder()
            .params(params)
            .runDirectory(dir)
            .journalInput(false)
            .waitStrategy(waitStrategy)
            .mode("replay")
            .source(source.toAbsolutePath().toString())
            .build()
            .start();
        final long t0 = System.nanoTime();
        final long[] lastReport = {t0};
        final long events = new ReplaySource(src.input(), params.toText(), paced ? speed : 0)
            .progress((n, recvNs) ->
            {
                final long now = System.nanoTime();
                if (now - lastReport[0] > 2_000_000_000L)
                {
                    lastReport[0] = now;
                    System.err.printf("replay: %,d events (%,.0f events/s)%n", n, n / ((now - t0) / 1e9));
                }
            }, 1 << 16)
            .run(engine.sink());
        engine.finish();
        final double secs = (System.nanoTime() - t0) / 1e9;
        final EventDumper names = new EventDumper();
        System.out.printf("replay: %,d events in %.2f s = %,.0f events/s -> %s%n", events, secs, events / secs, out);
        final StringBuilder counts = new StringBuilder();
        for (int t = Events.FIRST_OUTPUT_TEMPLATE; t < 256; t++)
        {
            if (engine.output().count(t) > 0)
            {
                counts.append(counts.length() == 0 ? "" : ", ").append(names.messageName(t)).append(' ')
                    .append(engine.output().count(t));
            }
        }
        System.out.println("outputs: " + engine.output().count() + " (" + counts + ")");
        if (engine.businessChain().errors() > 0)
        {
            System.out.println("chain errors: " + engine.businessChain().errors() + " (see log)");
        }
        return engine.fatalError() == null ? 0 : 1;
    }

    static boolean hasJournal(final Path dir)
    {
        try (var s = Files.list(dir))
        {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final java.io.IOException e)
        {
            return false;
        }
    }
}
