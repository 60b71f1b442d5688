package arb.feeds;

/** Plain counters one feed's decoder and connection keep (single writer: the I/O thread). */
public final class FeedCounters
{
    public long frames;
    public long bytes;
    public long dataFrames;
    public long events;
    public long badFrames;
    public long ignoredFrames;
    public long resyncs;
    public long reconnects;
    public long venueErrors;
    public long lastFrameNs = Long.MIN_VALUE;

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
