package arb.feeds.venue;

/**
 * The depth diffs a {@link BinanceUsDecoder} holds while no snapshot is applied: each diff's first
 * and last update id, venue time and range of levels, kept contiguous (a break in the run, or a full
 * buffer, discards what came before, since only diffs from there on can meet a snapshot). Preallocated;
 * zero allocation per diff once the level storage has grown to the stream's size.
 */
final class BinanceUsDiffBuffer
{
    static final int MAX_BUFFERED_LEVELS = 1 << 20;

    private final int maxBufferedDiffs;
    private final LevelBatch bufferedLevels = new LevelBatch(16_384);
    private final long[] bufferedFirst;
    private final long[] bufferedLast;
    private final long[] bufferedTimeNs;
    private final int[] bufferedFrom;
    private final int[] bufferedTo;
    private int bufferedCount;
    private long bufferResets;

    BinanceUsDiffBuffer(final int maxBufferedDiffs)
    {
        this.maxBufferedDiffs = maxBufferedDiffs;
        this.bufferedFirst = new long[maxBufferedDiffs];
        this.bufferedLast = new long[maxBufferedDiffs];
        this.bufferedTimeNs = new long[maxBufferedDiffs];
        this.bufferedFrom = new int[maxBufferedDiffs];
        this.bufferedTo = new int[maxBufferedDiffs];
    }

    /** Appends a diff, first discarding the buffer if the run is broken or full. */
    void add(final long firstId, final long lastId, final long timeNs, final LevelBatch frameLevels)
    {
        if (bufferedCount > 0 && firstId != bufferedLast[bufferedCount - 1] + 1)
        {
            clear(); // the buffered run is broken: only diffs from here on can meet a snapshot
            bufferResets++;
        }
        if (bufferedCount == maxBufferedDiffs || bufferedLevels.size() + frameLevels.size() > MAX_BUFFERED_LEVELS)
        {
            clear(); // the snapshot is taking too long; keep only what a future snapshot can use
            bufferResets++;
        }
        final int n = bufferedCount++;
        bufferedFirst[n] = firstId;
        bufferedLast[n] = lastId;
        bufferedTimeNs[n] = timeNs;
        bufferedFrom[n] = bufferedLevels.size();
        for (int i = 0, size = frameLevels.size(); i < size; i++)
        {
            bufferedLevels.add(frameLevels.bid(i), frameLevels.price(i), frameLevels.qty(i));
        }
        bufferedTo[n] = bufferedLevels.size();
    }

    void clear()
    {
        bufferedCount = 0;
        bufferedLevels.clear();
    }

    int count()
    {
        return bufferedCount;
    }

    long first(final int d)
    {
        return bufferedFirst[d];
    }

    long last(final int d)
    {
        return bufferedLast[d];
    }

    long timeNs(final int d)
    {
        return bufferedTimeNs[d];
    }

    int from(final int d)
    {
        return bufferedFrom[d];
    }

    int to(final int d)
    {
        return bufferedTo[d];
    }

    LevelBatch levels()
    {
        return bufferedLevels;
    }

    /** Times the buffered diffs were discarded: non-contiguous while buffering, or the buffer was full. */
    long bufferResets()
    {
        return bufferResets;
    }
}
