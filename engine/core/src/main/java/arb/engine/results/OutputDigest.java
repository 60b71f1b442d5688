package arb.engine.results;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import arb.engine.chain.OutputListener;
import org.agrona.DirectBuffer;

/**
 * SHA-256 over the output events as they are produced, exactly as {@code arb digest RUN --output}
 * computes it over the output journal (each event's length as 4 big-endian bytes, then its bytes),
 * so a run without an output journal (a sweep point) can still be compared byte for byte with a
 * replay.
 */
public final class OutputDigest implements OutputListener
{
    private final MessageDigest sha;
    private final byte[] copy = new byte[arb.journal.Events.SLOT_CAPACITY];
    private final byte[] len = new byte[4];
    private long events;

    public OutputDigest()
    {
        try
        {
            sha = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        len[0] = (byte)(length >>> 24);
        len[1] = (byte)(length >>> 16);
        len[2] = (byte)(length >>> 8);
        len[3] = (byte)length;
        sha.update(len);
        buffer.getBytes(0, copy, 0, length);
        sha.update(copy, 0, length);
        events++;
    }

    /** The digest and count in {@code arb digest}'s format: "sha256hex count". Ends the digest. */
    public String finish()
    {
        return HexFormat.of().formatHex(sha.digest()) + " " + events;
    }

    public long events()
    {
        return events;
    }
}
