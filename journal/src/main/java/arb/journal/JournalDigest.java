package arb.journal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a journal's sequence of event payloads. Each event contributes its length (4 bytes,
 * big-endian) then its bytes, so two different event sequences cannot concatenate to the same input.
 * Chronicle's own files are not hashed: they differ by time of writing even for identical events.
 */
public final class JournalDigest
{
    private JournalDigest()
    {
    }

    /** The digest and event count of one journal. */
    public record Result(String sha256, long events)
    {
        @Override
        public String toString()
        {
            return sha256 + " " + events;
        }
    }

    public static Result of(final Path journalDir)
    {
        final MessageDigest sha = sha256();
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final byte[] len = new byte[4];
        long n = 0;
        try (JournalReader reader = new JournalReader(journalDir))
        {
            int length;
            while ((length = reader.next(buf)) >= 0)
            {
                len[0] = (byte)(length >>> 24);
                len[1] = (byte)(length >>> 16);
                len[2] = (byte)(length >>> 8);
                len[3] = (byte)length;
                sha.update(len);
                sha.update(buf, 0, length);
                n++;
            }
        }
        return new Result(HexFormat.of().formatHex(sha.digest()), n);
    }

    /** A copy of a digest in progress (to finish a prefix's digest and go on). */
    static MessageDigest clone(final MessageDigest sha)
    {
        try
        {
            return (MessageDigest)sha.clone();
        }
        catch (final CloneNotSupportedException e)
        {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
