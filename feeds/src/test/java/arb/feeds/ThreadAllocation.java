package arb.feeds;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, from HotSpot's per-thread allocation counter (tests only). */
public final class ThreadAllocation
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private ThreadAllocation()
    {
    }

    public static boolean supported()
    {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    public static long bytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Allocation of an empty measurement: the counter call itself may allocate a few bytes on some JVMs. */
    public static long baseline()
    {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            final long before = bytes();
            final long after = bytes();
            min = Math.min(min, after - before);
        }
        return min;
    }
}
