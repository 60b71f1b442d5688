package arb.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import arb.engine.config.ParamCatalog;
import arb.engine.config.Params;
import arb.app.live.EnvSettings;
import arb.app.live.LiveConfig;
import arb.app.live.TickInterleavingSink;
import arb.engine.run.ChainFactory;
import arb.engine.run.Engine;
import arb.engine.run.RunStartCodec;
import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.CaptureTimestamps;
import arb.feeds.kalshi.KalshiCaptureImporter;
import arb.feeds.kalshi.KalshiFeedConfig;
import arb.feeds.net.CaptureImporter;
import arb.feeds.net.FeedsConfig;
import arb.feeds.net.SpotDecoders;
import arb.journal.RunDirectory;
import arb.market.config.KeyValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Turns a raw frame capture into a run directory by running the same decoders over it: the spot
 * venues' through {@link CaptureImporter}, Kalshi's REST bodies and WebSocket frames through
 * {@link KalshiCaptureImporter}, in file order.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Run the live decoders over a capture.jsonl (from `live --capture`, or your own recording in that "
        + "format) and write a run directory: input journal (with clock ticks every 200 ms of capture time), output "
        + "journal and run.json. Replay it like any other run.")
public final class ImportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "CAPTURE", description = "capture.jsonl file.")
    Path capture;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New run directory.")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
        description = "key=value file: logic parameters, feeds.* settings (symbols, quotes, depth as recorded) and "
            + "kalshi.feed.series (only for captures without a series record).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Logic parameter or feeds.* setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call()
    {
        if (!Files.isRegularFile(capture))
        {
            throw new IllegalArgumentException("no capture file at " + capture);
        }
        Params params = Params.defaults();
        final EnvSettings env = new EnvSettings();
        if (config != null)
        {
            params = params.withFile(config);
            env.withFile(config);
        }
        for (final String s : sets)
        {
            final KeyValues.Entry e = KeyValues.assignment(s);
            if (ParamCatalog.spec(e.key()) != null || !EnvSettings.isEnvKey(e.key()))
            {
                params = params.with(s);
            }
            else
            {
                env.set(e.key(), e.value());
            }
        }
        ChainFactory.check(params);
        final LiveConfig liveConfig = LiveConfig.from(env.values());
        final FeedsConfig feeds = FeedsConfig.fromProperties(env.withPrefix("feeds."));
        final KalshiFeedConfig kalshiConfig = KalshiFeedConfig.fromProperties(env.withPrefix(KalshiFeedConfig.PREFIX));
        final long firstTs = firstTimestamp(capture);
        final RunDirectory dir = RunDirectory.create(out);
        final Engine engine = Engine.builder().params(params).runDirectory(dir).journalInput(true).mode("import")
            .source(capture.toAbsolutePath().toString()).build().start();
        final TickInterleavingSink sink = new TickInterleavingSink(engine.sink(), liveConfig.tickMs());
        final long t0 = System.nanoTime();
        RunStartCodec.publish(sink, firstTs, params.toText());
        final KalshiCaptureImporter kalshi = new KalshiCaptureImporter(sink, kalshiConfig.series());
        final CaptureImporter.Stats stats = new CaptureImporter(feeds, new SpotDecoders(feeds), sink)
            .importFile(capture, kalshi);
        engine.finish();
        final KalshiCaptureImporter.Stats k = kalshi.stats();
        final double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("import: %,d records (%,d frames, %,d snapshots, %,d resets, %,d skipped, %,d malformed "
            + "(%,d over the line limit), %,d bad timestamps, %,d bad frames, %,d resyncs) in %.2f s -> %,d input events, "
            + "%,d ticks, %,d outputs -> %s%n",
            stats.records(), stats.frames(), stats.snapshots(), stats.resets(), stats.skipped(), stats.malformed(),
            stats.oversized(), stats.badTimestamps(), stats.badFrames(), stats.resyncs(), secs, engine.inputEventsJournaled(), sink.ticks(),
            engine.output().count(), out);
        if (sink.skippedTicks() > 0)
        {
            System.err.printf("import: receive time jumped by more than a day (a garbage ts_ns?): %,d clock ticks "
                + "not generated across the jump%n", sink.skippedTicks());
        }
        if (k.records() > 0)
        {
            System.out.printf("import: kalshi %,d records (%,d REST responses, %,d WebSocket frames, %,d resets, "
                + "%,d bad bodies, %,d bad frames, %,d sequence gaps)%n", k.records(), k.responses(), k.frames(),
                k.resets(), k.badBodies(), k.badFrames(), k.resyncs());
        }
        System.out.print(engine.results().consoleSummary());
        return engine.fatalError() == null ? 0 : 1;
    }

    /**
     * The receive time of the first record an import will use: the first well-formed record whose
     * ts_ns {@link CaptureTimestamps} accepts (a malformed or implausible first line never sets it).
     */
    private static long firstTimestamp(final Path capture)
    {
        final CaptureTimestamps timestamps = new CaptureTimestamps();
        try (CaptureReader r = new CaptureReader(capture))
        {
            while (r.next())
            {
                if (timestamps.accept(r.tsNs()))
                {
                    return r.tsNs();
                }
            }
        }
        throw new IllegalArgumentException(capture + " holds no well-formed record with a plausible ts_ns "
            + "(epoch ns between 2000 and 2200)");
    }
}
