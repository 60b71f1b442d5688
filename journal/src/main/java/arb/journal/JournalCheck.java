package arb.journal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Proves a journal whole: reads it with {@link JournalScanner} (Chronicle's framing, each event's SBE
 * header), counts and hashes its events exactly as {@code arb digest} does, and compares them with what
 * the writer recorded in run.json ({@link Expected}). Every reader calls it before handing a journal
 * to Chronicle; resume uses it to find a torn last entry.
 *
 * <pre>
 *   JournalCheck.Result r = JournalCheck.check(run.input(), RunManifest.expected(run, RunDirectory.INPUT));
 *   if (!r.ok()) { ... r.problem().message() ... }      // or JournalCheck.require(...): exit 2 on a problem
 * </pre>
 */
public final class JournalCheck
{
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;

    private JournalCheck()
    {
    }

    /**
     * What a writer recorded about a journal: its event count and SHA-256. {@code complete}: recorded
     * when the journal was closed (it must match exactly); otherwise a checkpoint of a run still
     * writing (the journal must start with exactly those events and may hold more).
     */
    public record Expected(long events, String sha256, boolean complete)
    {
        /** The same record, as a checkpoint ({@code false}) or a closed journal's ({@code true}). */
        public Expected withComplete(final boolean isComplete)
        {
            return new Expected(events, sha256, isComplete);
        }

        /** The run.json form: {@code {"events": N, "sha256": "...", "complete": true}}. */
        public Map<String, Object> toJson()
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("events", events);
            m.put("sha256", sha256);
            m.put("complete", complete);
            return m;
        }
    }

    /**
     * The outcome of a check.
     *
     * @param events     complete events readable from the start (all of them when {@code ok()})
     * @param sha256     digest of those events (as {@code arb digest} prints)
     * @param problem    what is wrong, or null
     * @param tornFile   the cycle file holding an entry the writer began but never completed, or null
     * @param tornOffset that entry's byte offset in {@code tornFile}, or -1
     */
    public record Result(Path dir, long events, String sha256, JournalScanner.Problem problem, Path tornFile,
        long tornOffset)
    {
        public boolean ok()
        {
            return problem == null;
        }

        /** The expected-values form of this result, to record in run.json. */
        public Expected expected(final boolean complete)
        {
            return new Expected(events, sha256, complete);
        }

        /** "SHA256 EVENTS", the line {@code arb digest} prints. */
        public String digestLine()
        {
            return sha256 + " " + events;
        }
    }

    /** Checks {@code journalDir}; {@code expected} (from run.json) may be null: structure only. */
    public static Result check(final Path journalDir, final Expected expected)
    {
        final MessageDigest sha = JournalDigest.sha256();
        MessageDigest atExpected = null;
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final byte[] len = new byte[4];
        long tornOffset = -1;
        Path tornFile = null;
        JournalScanner.Problem problem;
        long n = 0;
        try (JournalScanner scanner = new JournalScanner(journalDir))
        {
            if (expected != null && expected.events == 0)
            {
                atExpected = JournalDigest.clone(sha);
            }
            int length;
            while ((length = scanner.next(buf)) >= 0)
            {
                update(sha, len, buf, length);
                n++;
                if (expected != null && n == expected.events)
                {
                    atExpected = JournalDigest.clone(sha);
                }
            }
            problem = scanner.problem();
            if (problem == null && scanner.incompleteAt() >= 0)
            {
                tornFile = scanner.file();
                tornOffset = scanner.incompleteAt();
                problem = new JournalScanner.Problem(JournalScanner.Kind.TORN, "torn last entry at byte " + tornOffset
                    + " of " + tornFile + " after " + n + " events (the writer stopped while appending it)");
            }
        }
        final String digest = HexFormat.of().formatHex(sha.digest());
        if (problem == null && expected != null)
        {
            problem = compare(journalDir, expected, n, digest, atExpected);
        }
        else if (problem != null && expected != null && problem.kind() != JournalScanner.Kind.STRAY_FILE
            && problem.kind() != JournalScanner.Kind.MISSING)
        {
            problem = new JournalScanner.Problem(problem.kind(), problem.message() + "; run.json records "
                + expected.events + " events" + (expected.complete ? "" : " at its last checkpoint"));
        }
        return new Result(journalDir, n, digest, problem, tornFile, tornOffset);
    }

    private static JournalScanner.Problem compare(final Path dir, final Expected expected, final long n,
        final String digest, final MessageDigest atExpected)
    {
        if (n == 0 && expected.events > 0)
        {
            return new JournalScanner.Problem(JournalScanner.Kind.MISSING, "missing journal: " + dir
                + " holds no events, run.json records " + expected.events);
        }
        if (n < expected.events)
        {
            return new JournalScanner.Problem(JournalScanner.Kind.TRUNCATED, dir + " is truncated after " + n
                + " events: run.json records " + expected.events);
        }
        if (expected.complete && n > expected.events)
        {
            return new JournalScanner.Problem(JournalScanner.Kind.MISMATCH, dir + " holds " + n
                + " events, more than the " + expected.events + " run.json records: not the journal that run wrote");
        }
        final String prefix = expected.complete ? digest : HexFormat.of().formatHex(atExpected.digest());
        if (expected.sha256 != null && !expected.sha256.equals(prefix))
        {
            return new JournalScanner.Problem(JournalScanner.Kind.DAMAGED, dir + " is damaged: its first "
                + expected.events + " events do not hash to the digest run.json records (" + prefix + " instead of "
                + expected.sha256 + ")");
        }
        return null;
    }

    /**
     * Checks a run's journal against its run.json and throws {@link JournalProblem} (exit 2) on any
     * problem. {@code which} is {@link RunDirectory#INPUT} or {@link RunDirectory#OUTPUT}.
     */
    public static Result require(final RunDirectory run, final String which)
    {
        final Result r = check(run.root().resolve(which), RunManifest.expected(run.root(), which));
        if (!r.ok())
        {
            throw new JournalProblem(r);
        }
        return r;
    }

    /**
     * Cuts off the torn last entry a check found (for resume: the writer died while appending it).
     * Its header becomes a complete metadata entry of the length it declares (readers skip metadata;
     * Chronicle's next append goes on after it, where it expects to), and whatever the dead writer put
     * beyond that length is zeroed so no reader can mistake it for a header. The one cutter: resume
     * uses it, and a real kill -9 + resume (LiveKillResumeTest) goes through it. Returns the journal
     * checked again.
     *
     * @throws IllegalArgumentException if {@code torn} found no torn entry
     */
    public static Result cutTornEntry(final Result torn, final Expected expected)
    {
        if (torn.tornFile() == null || torn.tornOffset() < 0)
        {
            throw new IllegalArgumentException(torn.dir() + " has no torn entry to cut");
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(torn.tornFile(),
            java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE))
        {
            final long offset = torn.tornOffset();
            final java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(header, offset);
            final int length = header.getInt(0) & LENGTH_MASK;
            header.clear();
            header.putInt(0, META_DATA | length);
            ch.write(header, offset);
            final long from = offset + 4 + length;
            final long end = Math.min(ch.size(), from + Events.SLOT_CAPACITY + 64);
            if (end > from)
            {
                ch.write(java.nio.ByteBuffer.allocate((int)(end - from)), from);
            }
            ch.force(true);
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException("cannot cut the torn entry of " + torn.tornFile(), e);
        }
        return check(torn.dir(), expected);
    }

    static void update(final MessageDigest sha, final byte[] len, final byte[] buf, final int length)
    {
        len[0] = (byte)(length >>> 24);
        len[1] = (byte)(length >>> 16);
        len[2] = (byte)(length >>> 8);
        len[3] = (byte)length;
        sha.update(len);
        sha.update(buf, 0, length);
    }

    /** A journal that is not whole: bad input for every reader (exit 2), with the check's description. */
    public static final class JournalProblem extends IllegalArgumentException
    {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        public JournalProblem(final Result result)
        {
            super(result.problem().message());
            this.result = result;
        }

        public Result result()
        {
            return result;
        }
    }
}
