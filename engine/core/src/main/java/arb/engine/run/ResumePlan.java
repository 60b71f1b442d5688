package arb.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import arb.engine.config.Params;
import arb.journal.Events;
import arb.journal.JournalCheck;
import arb.journal.JournalScanner;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;
import arb.journal.RunStatus;
import arb.sbe.RunResumeDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a resumed live run starts from, read from its locked run directory before anything is
 * written: how the run had ended, its original start, the live settings its {@code run.json}
 * recorded, its journaled logic parameters, and the check of its input journal (events, the last
 * event's receive time, resumes so far). Cold path, once per resume.
 */
public final class ResumePlan
{
    /** Where the output journal of the run before the resume is kept until the rebuilt one is checked against it. */
    public static final String PREVIOUS_OUTPUT = "output.pre-resume";

    private static final Logger LOG = LoggerFactory.getLogger(ResumePlan.class);
    /** Chronicle's header: bit 31 not complete, bit 30 metadata, the rest the length. */
    private static final Pattern LIST_ITEM = Pattern.compile("\"([^\"]*)\"");

    private final RunDirectory dir;
    private final String runJson;
    private final String priorStatus;
    private final Params params;
    private final long events;
    private final long lastRecvNs;
    private final int resumesBefore;
    private final String torn;

    private ResumePlan(final RunDirectory dir, final String runJson, final String priorStatus, final Params params,
        final long events, final long lastRecvNs, final int resumesBefore, final String torn)
    {
        this.torn = torn;
        this.dir = dir;
        this.runJson = runJson;
        this.priorStatus = priorStatus;
        this.params = params;
        this.events = events;
        this.lastRecvNs = lastRecvNs;
        this.resumesBefore = resumesBefore;
    }

    /**
     * Reads the plan of a run directory this process holds the writer lock of.
     *
     * @throws IllegalArgumentException when the directory cannot be resumed (no run.json, not a live
     *                                  run, no or unreadable input journal)
     */
    public static ResumePlan read(final RunDirectory dir, final List<String> warnings)
    {
        if (!dir.isLocked())
        {
            throw new IllegalStateException("resume needs the run directory's writer lock");
        }
        final String text;
        try
        {
            text = Files.isRegularFile(dir.runJson()) ? Files.readString(dir.runJson(), StandardCharsets.UTF_8) : null;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + dir.runJson(), e);
        }
        if (text == null)
        {
            throw new IllegalArgumentException(dir.root() + " has no run.json: not a run directory of arb live");
        }
        final String mode = stringField(text, "mode");
        if (!"live".equals(mode))
        {
            throw new IllegalArgumentException(dir.root() + " is a " + mode + " run: only live runs can be resumed");
        }
        final String status = RunStatus.read(dir.root());
        // This process holds the lock: a run.json that says running is a run that died.
        final String prior = status == null || RunStatus.RUNNING.equals(status) ? RunStatus.CRASHED : status;
        final String torn = checkInput(dir);
        final Params params = Replay.journaledParams(dir, warnings);

        long events = 0;
        long last = Long.MIN_VALUE;
        int resumes = 0;
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(bytes);
        try (JournalReader reader = new JournalReader(dir.input()))
        {
            while (reader.next(bytes) >= 0)
            {
                events++;
                last = Math.max(last, Events.recvNs(view, 0));
                if (Events.templateId(view, 0) == RunResumeDecoder.TEMPLATE_ID)
                {
                    resumes++;
                }
            }
        }
        if (events == 0)
        {
            throw new IllegalArgumentException(dir.root() + " has an empty input journal: nothing to resume");
        }
        return new ResumePlan(dir, text, prior, params, events, last, resumes, torn);
    }

    /**
     * Checks the input journal against run.json ({@link JournalCheck}); a torn last entry (the writer
     * died while appending it) is cut off (it becomes padding no reader returns).
     *
     * @return what was cut, or null
     * @throws JournalCheck.JournalProblem for any other problem (exit 2)
     */
    static String checkInput(final RunDirectory dir)
    {
        final JournalCheck.Expected recorded = RunManifest.expected(dir.root(), RunDirectory.INPUT);
        JournalCheck.Result r = JournalCheck.check(dir.input(), recorded);
        String torn = null;
        if (r.problem() != null && r.problem().kind() == JournalScanner.Kind.TORN)
        {
            torn = "torn last entry at byte " + r.tornOffset() + " of " + r.tornFile().getFileName()
                + " cut off after " + r.events() + " events";
            r = JournalCheck.cutTornEntry(r, recorded);
            LOG.warn("{}: {}", dir.input(), torn);
        }
        if (!r.ok())
        {
            throw new JournalCheck.JournalProblem(r);
        }
        return torn;
    }

    /** What the journal check cut off (a torn last entry), or null. */
    public String torn()
    {
        return torn;
    }

    /** How the run had ended: crashed, complete or failed. */
    public String priorStatus()
    {
        return priorStatus;
    }

    /** The journaled logic parameters (a resumed run cannot change them). */
    public Params params()
    {
        return params;
    }

    /**
     * Input events the catch-up publishes into the ring (the journal's, its RunStart part(s) replaced
     * by the effective parameters' as in a replay): the journaler skips exactly these.
     */
    public long catchUpInputEvents()
    {
        return events - RunStartCodec.read(dir.input()).events() + ResumeSource.runStartParts(params.toText());
    }

    /** Input events in the journal. */
    public long events()
    {
        return events;
    }

    /** The latest receive time in the journal (epoch ns). */
    public long lastRecvNs()
    {
        return lastRecvNs;
    }

    /** 1 for the run's first resume, 2 for the next, ... */
    public int resumeCount()
    {
        return resumesBefore + 1;
    }

    /** A string field of the run's run.json, or null. */
    public String field(final String key)
    {
        return stringField(runJson, key);
    }

    /** A list-of-strings field of the run's run.json, or null. */
    public List<String> listField(final String key)
    {
        final Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \\[([^\\]]*)\\]").matcher(runJson);
        if (!m.find())
        {
            return null;
        }
        final List<String> items = new ArrayList<>();
        final Matcher item = LIST_ITEM.matcher(m.group(1));
        while (item.find())
        {
            items.add(item.group(1));
        }
        return items;
    }

    /** A boolean field of the run's run.json, or {@code absent} when it has none. */
    public boolean flag(final String key, final boolean absent)
    {
        final Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (true|false)").matcher(runJson);
        return m.find() ? "true".equals(m.group(1)) : absent;
    }

    /**
     * Moves the output journal aside ({@value #PREVIOUS_OUTPUT}) and leaves an empty {@code output/}:
     * the output journal is a pure function of the input journal, so the resume rebuilds it from the
     * whole input and checks the rebuilt one against the old. If an earlier resume died while
     * rebuilding, the old journal is already aside and the half-rebuilt one is discarded.
     */
    public Path moveOutputAside()
    {
        final Path previous = dir.root().resolve(PREVIOUS_OUTPUT);
        try
        {
            if (Files.isDirectory(previous))
            {
                deleteTree(dir.output());
            }
            else if (Files.isDirectory(dir.output()))
            {
                Files.move(dir.output(), previous);
            }
            Files.createDirectories(dir.output());
            return previous;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot move the output journal of " + dir.root() + " aside", e);
        }
    }

    /** Deletes a directory and everything in it (no-op when absent). */
    public static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(root))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static String stringField(final String text, final String key)
    {
        final Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \"([^\"]*)\"").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
