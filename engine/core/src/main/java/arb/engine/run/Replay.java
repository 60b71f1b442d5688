package arb.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import arb.engine.chain.OutputJournal;
import arb.engine.chain.OutputListener;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.ring.WaitStrategies;
import arb.journal.Events;
import arb.journal.JournalCheck;
import arb.journal.JournalScanner;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;

/**
 * Replays a run directory's input journal through a fresh engine into a new run directory: the
 * deterministic backtest. Used by {@code arb replay}, sweeps and tests.
 */
public final class Replay
{
    /** What to replay and how. Environment settings (wait strategy, ring size) never change outputs. */
    public static final class Request
    {
        private Path source;
        private Path out;
        private Function<Params, Params> overrides = p -> p;
        private double speed;
        private String waitStrategy = WaitStrategies.DEFAULT;
        private int ringSize = 16384;
        private final List<Function<OutputJournal, Stage>> extraStages = new ArrayList<>();
        private final List<OutputListener> listeners = new ArrayList<>();
        private ReplaySource.Progress progress;
        private boolean allowPartial;
        private final List<String> warnings = new ArrayList<>();

        /** The run directory whose input journal is replayed. */
        public Request source(final Path source)
        {
            this.source = source;
            return this;
        }

        /** The new run directory (null: outputs only reach the listeners). */
        public Request out(final Path out)
        {
            this.out = out;
            return this;
        }

        /** Applied to the journaled parameters (e.g. from --config/--set). */
        public Request overrides(final Function<Params, Params> overrides)
        {
            this.overrides = overrides;
            return this;
        }

        /** Pacing: 0 replays as fast as possible, 1 at the recorded speed. */
        public Request speed(final double speed)
        {
            this.speed = speed;
            return this;
        }

        public Request waitStrategy(final String waitStrategy)
        {
            this.waitStrategy = waitStrategy;
            return this;
        }

        public Request ringSize(final int ringSize)
        {
            this.ringSize = ringSize;
            return this;
        }

        /** A stage appended to the chain (tests, probes). */
        public Request extraStage(final Function<OutputJournal, Stage> stage)
        {
            extraStages.add(stage);
            return this;
        }

        /** A listener of the output journal. */
        public Request listener(final OutputListener listener)
        {
            listeners.add(listener);
            return this;
        }

        /**
         * Replays the readable part of a journal that is damaged, cut or torn (its first events, up to
         * the first problem) instead of refusing it; run.json then says {@code partial} and why.
         */
        public Request allowPartial(final boolean allowPartial)
        {
            this.allowPartial = allowPartial;
            return this;
        }

        public Request progress(final ReplaySource.Progress progress)
        {
            this.progress = progress;
            return this;
        }

        /** Warnings about the journaled parameters, filled by {@link Replay#run}. */
        public List<String> warnings()
        {
            return warnings;
        }
    }

    /** What a replay did. */
    public record Result(long events, double seconds, Engine engine, Params params)
    {
        public double eventsPerSecond()
        {
            return events / seconds;
        }
    }

    /** Problems after which the events before them can still be read on purpose. */
    private static final java.util.Set<JournalScanner.Kind> PARTIAL_KINDS = java.util.EnumSet.of(
        JournalScanner.Kind.TRUNCATED, JournalScanner.Kind.DAMAGED, JournalScanner.Kind.TORN);

    private Replay()
    {
    }

    /** Reads and checks the journaled parameters of a run directory. */
    public static Params journaledParams(final RunDirectory src, final List<String> warnings)
    {
        if (!hasJournal(src.input()))
        {
            throw new IllegalArgumentException(src.root() + " has no input journal (a replay's own directory holds only "
                + "its output; replay the run named in its run.json \"source\")");
        }
        final RunStartCodec.Header header = RunStartCodec.read(src.input());
        if (header.schemaId() != Events.SCHEMA_ID || header.schemaVersion() > Events.SCHEMA_VERSION)
        {
            throw new IllegalArgumentException("journal schema " + header.schemaId() + " v" + header.schemaVersion()
                + " cannot be read by this engine (schema " + Events.SCHEMA_ID + " v" + Events.SCHEMA_VERSION + ")");
        }
        return Params.fromText(header.paramsText(), warnings);
    }

    public static Result run(final Request r)
    {
        final RunDirectory src = RunDirectory.open(r.source);
        if (!hasJournal(src.input()) && RunManifest.expected(src.root(), RunDirectory.INPUT) == null)
        {
            journaledParams(src, r.warnings);
        }
        // The whole journal is checked against its run.json before anything is created or replayed.
        final JournalCheck.Result check = JournalCheck.check(src.input(),
            RunManifest.expected(src.root(), RunDirectory.INPUT));
        final boolean partial = !check.ok();
        if (partial && (!r.allowPartial || check.events() == 0 || !PARTIAL_KINDS.contains(check.problem().kind())))
        {
            throw new IllegalArgumentException(check.problem().message() + (check.events() > 0 && !r.allowPartial
                && PARTIAL_KINDS.contains(check.problem().kind()) ? " (replay --allow-partial replays the "
                + check.events() + " readable events on purpose)" : ""));
        }
        if (partial)
        {
            r.warnings.add("partial replay: only the first " + check.events() + " events are read: "
                + check.problem().message());
        }
        final Params params = r.overrides.apply(journaledParams(src, r.warnings));
        ChainFactory.check(params);
        WaitStrategies.byName(r.waitStrategy);
        final RunDirectory dir = r.out == null ? null : RunDirectory.create(r.out);
        final Engine.Builder b = Engine.builder()
            .params(params)
            .runDirectory(dir)
            .journalInput(false)
            .waitStrategy(r.waitStrategy)
            .ringSize(r.ringSize)
            .mode("replay")
            .source(r.source.toAbsolutePath().toString())
            .runInfo("source_journal", check.expected(!partial).toJson());
        if (partial)
        {
            final Map<String, Object> p = new LinkedHashMap<>();
            p.put("events_read", check.events());
            p.put("reason", check.problem().message());
            b.runInfo("partial", p);
        }
        r.extraStages.forEach(b::extraStage);
        r.listeners.forEach(b::outputListener);
        final Engine engine = b.build().start();
        final long t0 = System.nanoTime();
        final ReplaySource source = new ReplaySource(src.input(), params.toText(), r.speed)
            .limit(partial ? check.events() : -1);
        if (r.progress != null)
        {
            source.progress(r.progress, 1 << 16);
        }
        // Consumers see a replay's events in batches: one wake-up per batch, not per event.
        engine.publisher().batchSize(r.speed > 0 ? 1 : 256);
        final long events = source.run(engine.sink());
        engine.finish();
        return new Result(events, (System.nanoTime() - t0) / 1e9, engine, params);
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
