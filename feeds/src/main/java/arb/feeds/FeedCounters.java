package arb.feeds;

/**
 * Plain counters one feed's decoder and connection keep (single writer: the I/O thread).
 * <p>
 * The fields are plain longs on purpose: the status line reads them racily from another thread and
 * tolerates a stale value, and the I/O thread pays no fence per frame.
 */
public final class FeedCounters
{
    private long frames;
    private long bytes;
    private long dataFrames;
    private long events;
    private long badFrames;
    private long ignoredFrames;
    private long resyncs;
    private long reconnects;
    private long venueErrors;
    private long lastFrameNs = Long.MIN_VALUE;

    /** A frame of {@code length} bytes arrived at {@code recvNs}. */
    public void frameReceived(final int length, final long recvNs)
    {
        frames++;
        bytes += length;
        lastFrameNs = recvNs;
    }

    public void dataFrame()
    {
        dataFrames++;
    }

    public void badFrame()
    {
        badFrames++;
    }

    public void ignoredFrame()
    {
        ignoredFrames++;
    }

    public void resync()
    {
        resyncs++;
    }

    public void reconnect()
    {
        reconnects++;
    }

    public void venueError()
    {
        venueErrors++;
    }

    public void event()
    {
        events++;
    }

    public void addEvents(final long count)
    {
        events += count;
    }

    public long frames()
    {
        return frames;
    }

    public long bytes()
    {
        return bytes;
    }

    public long dataFrames()
    {
        return dataFrames;
    }

    public long events()
    {
        return events;
    }

    public long badFrames()
    {
        return badFrames;
    }

    public long ignoredFrames()
    {
        return ignoredFrames;
    }

    public long resyncs()
    {
        return resyncs;
    }

    public long reconnects()
    {
        return reconnects;
    }

    public long venueErrors()
    {
        return venueErrors;
    }

    /** When the last frame arrived (Long.MIN_VALUE: none yet). */
    public long lastFrameNs()
    {
        return lastFrameNs;
    }

    public void reset()
    {
        frames = 0;
        bytes = 0;
        dataFrames = 0;
        events = 0;
        badFrames = 0;
        ignoredFrames = 0;
        resyncs = 0;
        reconnects = 0;
        venueErrors = 0;
        lastFrameNs = Long.MIN_VALUE;
    }
}
