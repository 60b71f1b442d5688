package arb.journal;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A running count and digest of a journal as it is written, read back from its files off the hot
 * path: each {@link #advance()} reads the events appended since the last one (a live run calls it
 * once a minute and at the end, so run.json always records what its journals hold). Single-threaded.
 */
public final class JournalTally implements AutoCloseable
{
    private final JournalScanner scanner;
    private final MessageDigest sha = JournalDigest.sha256();
    private final byte[] buf = new byte[Events.SLOT_CAPACITY];
    private final byte[] len = new byte[4];

    public JournalTally(final java.nio.file.Path journalDir)
    {
        this.scanner = new JournalScanner(journalDir);
    }

    /** Reads every complete event appended since the last call. */
    public JournalTally advance()
    {
        int length;
        while ((length = scanner.next(buf)) >= 0)
        {
            JournalCheck.update(sha, len, buf, length);
        }
        return this;
    }

    public long events()
    {
        return scanner.events();
    }

    /** SHA-256 of the events read so far (as {@code arb digest} prints it for a journal of exactly those). */
    public String sha256()
    {
        return HexFormat.of().formatHex(JournalDigest.clone(sha).digest());
    }

    /** Why reading stopped early (a damaged journal), or null. */
    public JournalScanner.Problem problem()
    {
        return scanner.problem();
    }

    /** The run.json record of what was read: {@code complete} once the writer has closed the journal. */
    public java.util.Map<String, Object> toJson(final boolean complete)
    {
        final java.util.Map<String, Object> m = new JournalCheck.Expected(events(), sha256(), complete).toJson();
        if (problem() != null)
        {
            m.put("problem", problem().message());
        }
        return m;
    }

    @Override
    public void close()
    {
        scanner.close();
    }
}
