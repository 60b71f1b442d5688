package arb.engine.run;

import java.nio.file.Path;
import java.util.function.Function;

import arb.engine.chain.OutputJournal;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.sim.gen.SessionWriter;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;

/** Shared helpers for tests that generate sessions and replay them. */
public final class TestRuns
{
    private TestRuns()
    {
    }

    public static long generate(final Path dir, final long seed, final double minutes, final double intensity)
    {
        final SessionWriter.Request r = new SessionWriter.Request().seed(seed).minutes(minutes).intensity(intensity);
        return SessionWriter.write(dir, r, null);
    }

    public static Replay.Result replay(final Path source, final Path out)
    {
        return replay(source, out, p -> p, null);
    }

    public static Replay.Result replay(final Path source, final Path out, final Function<Params, Params> overrides,
        final Function<OutputJournal, Stage> extraStage)
    {
        final Replay.Request r = new Replay.Request();
        r.source(source).out(out).overrides(overrides);
        if (extraStage != null)
        {
            r.extraStage(extraStage);
        }
        return Replay.run(r);
    }

    public static JournalDigest.Result outputDigest(final Path runDir)
    {
        return JournalDigest.of(RunDirectory.open(runDir).output());
    }
}
