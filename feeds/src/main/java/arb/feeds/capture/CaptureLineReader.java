package arb.feeds.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.agrona.ExpandableArrayBuffer;

/**
 * Splits a capture file into lines for the {@link CaptureReader}: reads the stream in 1 MiB chunks
 * and copies each line (without its {@code \n} or {@code \r\n}) into one reusable buffer, which grows
 * to the longest line (multi-MB order book snapshots) and stays. A line longer than the limit is
 * never held: the rest of it is streamed past up to its newline and it is reported
 * {@link #oversized()}, so a file without newlines cannot exhaust memory. The line is valid until
 * the next call to {@link #readLine()}.
 */
final class CaptureLineReader implements AutoCloseable
{
    /** The default longest line: 64 MiB (the largest frame a feed accepts, 16 MB, escaped, with room). */
    static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private boolean oversized;
    private final byte[] chunk = new byte[1 << 20];
    private int chunkPos;
    private int chunkLen;
    private boolean eof;
    private final ExpandableArrayBuffer line = new ExpandableArrayBuffer(1 << 16);
    private int lineLen;

    CaptureLineReader(final InputStream in)
    {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    CaptureLineReader(final InputStream in, final int maxLineBytes)
    {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Whether the current line was longer than the limit (its bytes were skipped; {@link #length()} is 0). */
    boolean oversized()
    {
        return oversized;
    }

    /** The current line's bytes, from index 0 to {@link #length()}. */
    ExpandableArrayBuffer line()
    {
        return line;
    }

    int length()
    {
        return lineLen;
    }

    /** Advances to the next line (possibly empty); false at the end of the file. */
    boolean readLine()
    {
        lineLen = 0;
        oversized = false;
        while (true)
        {
            if (chunkPos >= chunkLen)
            {
                if (eof || !fill())
                {
                    return lineLen > 0 || oversized;
                }
            }
            int i = chunkPos;
            while (i < chunkLen && chunk[i] != '\n')
            {
                i++;
            }
            final int n = i - chunkPos;
            if (!oversized && (long)lineLen + n > maxLineBytes)
            {
                oversized = true;
                lineLen = 0;
            }
            if (!oversized)
            {
                line.putBytes(lineLen, chunk, chunkPos, n);
                lineLen += n;
            }
            chunkPos = i;
            if (i < chunkLen)
            {
                chunkPos++;
                if (lineLen > 0 && line.getByte(lineLen - 1) == '\r')
                {
                    lineLen--;
                }
                return true;
            }
        }
    }

    private boolean fill()
    {
        try
        {
            final int n = in.read(chunk, 0, chunk.length);
            if (n <= 0)
            {
                eof = true;
                return false;
            }
            chunkPos = 0;
            chunkLen = n;
            return true;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
