package arb.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import arb.journal.RunDirectory;
import arb.journal.RunStatus;
import arb.sbe.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch-up of a resumed run, between the engine's start and the sources': its own input journal
 * through the ring (every stage rebuilds its state; the journaler counts without appending), the
 * journaled resume marker and feed states, a wait until the chain got there, and the verdict on the
 * rebuilt output journal (the previous one is deleted when it is a prefix, kept as
 * {@code output.diverged-N/} when a crashed run's journal differs). On the calling thread, which
 * then gives up the ring's producer role to the live source. Cold path, once per resume.
 */
public final class ResumeCatchUp
{
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCatchUp.class);

    /** What the catch-up did. */
    public record Report(long events, double seconds, long gapNs, long outputs, long matching, long previousEvents,
        Path keptPrevious)
    {
        /** One line for the console. */
        public String describe()
        {
            return String.format("state rebuilt from %,d events in %.1f s (%,.0f events/s); gap %.1f s of receive time "
                    + "since the last event; output journal rebuilt: %,d events, the first %,d equal to the previous "
                    + "journal's (%,d events)%s", events, seconds, events / Math.max(seconds, 1e-9), gapNs / 1e9, outputs,
                matching, previousEvents, keptPrevious == null ? "" : "; DIFFERENT, previous kept in " + keptPrevious);
        }
    }

    private ResumeCatchUp()
    {
    }

    /**
     * Runs the catch-up of {@code engine} (built with {@link Engine.Builder#alreadyJournaled} = the
     * plan's events and {@code check} as stage and output listener, and started).
     *
     * @param resumeNs the receive time of the resume marker (the receive clock's now)
     * @param venues   the feeds whose state across the gap is unknown (a DISCONNECTED each)
     */
    public static Report run(final Engine engine, final RunDirectory dir, final ResumePlan plan,
        final OutputPrefixCheck check, final Path previousOutput, final long resumeNs, final List<Venue> venues)
    {
        final long t0 = System.nanoTime();
        engine.publisher().batchSize(256);
        final long copied = ResumeSource.publishJournal(dir.input(), engine.sink());
        if (copied != plan.events())
        {
            throw new IllegalStateException("the input journal changed while resuming: " + copied + " events, "
                + plan.events() + " when checked");
        }
        ResumeSource.publishMarker(engine.sink(), resumeNs, plan, venues,
            "resume " + plan.resumeCount() + " after " + plan.priorStatus() + (plan.torn() == null ? ""
                : "; torn last entry cut"));
        engine.publisher().batchSize(1);
        engine.publisher().unbind();
        try
        {
            while (!check.done() && engine.fatalError() == null)
            {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the state", e);
        }
        final double seconds = (System.nanoTime() - t0) / 1e9;
        final long compared = Math.min(check.outputs(), check.previousEvents());
        Path kept = null;
        if (check.matching() < compared && RunStatus.CRASHED.equals(plan.priorStatus()))
        {
            // After a crash the previous output journal is a prefix of the rebuilt one; anything else
            // means the chain is not a pure function of its input: keep the evidence.
            kept = dir.root().resolve("output.diverged-" + plan.resumeCount());
            LOG.error("the rebuilt output journal differs from the one written before the crash at event {}: "
                + "the previous one is kept in {}", check.matching() + 1, kept);
            try
            {
                Files.move(previousOutput, kept);
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot keep " + previousOutput + " as " + kept, e);
            }
        }
        else
        {
            ResumePlan.deleteTree(previousOutput);
        }
        return new Report(plan.events(), seconds, resumeNs - plan.lastRecvNs(), check.outputs(), check.matching(),
            check.previousEvents(), kept);
    }
}
