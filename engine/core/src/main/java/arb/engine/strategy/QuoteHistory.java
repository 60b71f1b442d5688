package arb.engine.strategy;

/**
 * One market's YES mid-price over the last seconds of RECEIVE time, for "the price fell by X
 * within Y seconds". Kept per market (ticker + close time), so a new window's first quote is never
 * compared with the previous window's last one. A ring of (recvNs, bid + ask); the sum avoids
 * half-ticks. Full ring: the oldest entry goes. No allocation after construction.
 */
final class QuoteHistory
{
    private final long[] recvNs;
    private final long[] midTwice;
    private int head;
    private int size;

    QuoteHistory(final int capacity)
    {
        recvNs = new long[capacity];
        midTwice = new long[capacity];
    }

    void clear()
    {
        head = 0;
        size = 0;
    }

    void record(final long timeNs, final long bidPlusAsk)
    {
        if (size > 0 && midTwice[index(size - 1)] == bidPlusAsk)
        {
            return; // unchanged: the entry that set this price still stands for it
        }
        if (size == recvNs.length)
        {
            head = (head + 1) % recvNs.length;
            size--;
        }
        final int tail = index(size);
        recvNs[tail] = timeNs;
        midTwice[tail] = bidPlusAsk;
        size++;
    }

    /**
     * Highest bid + ask that was in force at some time in [fromNs, now]: entries received in the
     * window, and the one in force when the window began. Long.MIN_VALUE when none.
     */
    long maxSince(final long fromNs)
    {
        long max = Long.MIN_VALUE;
        for (int i = size - 1; i >= 0; i--)
        {
            final int p = index(i);
            max = Math.max(max, midTwice[p]);
            if (recvNs[p] <= fromNs)
            {
                break;
            }
        }
        return max;
    }

    /** Lowest bid + ask in force at some time in [fromNs, now]; Long.MAX_VALUE when none. */
    long minSince(final long fromNs)
    {
        long min = Long.MAX_VALUE;
        for (int i = size - 1; i >= 0; i--)
        {
            final int p = index(i);
            min = Math.min(min, midTwice[p]);
            if (recvNs[p] <= fromNs)
            {
                break;
            }
        }
        return min;
    }

    /** The latest bid + ask, Long.MIN_VALUE when none. */
    long last()
    {
        return size == 0 ? Long.MIN_VALUE : midTwice[index(size - 1)];
    }

    private int index(final int logical)
    {
        final int p = head + logical;
        return p >= recvNs.length ? p - recvNs.length : p;
    }
}
