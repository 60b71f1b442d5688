package arb.sim.kalshi;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kalshi simulator's pending faults: injected from any thread, taken one request (or one
 * message) at a time on the simulator's loop.
 */
final class KalshiFaults
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiSim.class);

    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicBoolean seqGap = new AtomicBoolean();
    private final AtomicBoolean drop = new AtomicBoolean();

    void inject(final KalshiSim.Fault fault, final int count)
    {
        switch (fault)
        {
            case RATE_LIMIT: rateLimited.addAndGet(count); break;
            case SERVER_ERROR: serverErrors.addAndGet(count); break;
            case SLOW: slow.addAndGet(count); break;
            case SEQ_GAP: seqGap.set(true); break;
            case DROP: drop.set(true); break;
            default: break;
        }
        LOG.info("kalshi sim: fault {} x{}", fault, count);
    }

    boolean takeRateLimit()
    {
        return take(rateLimited);
    }

    boolean takeServerError()
    {
        return take(serverErrors);
    }

    boolean takeSlow()
    {
        return take(slow);
    }

    /** Whether a sequence gap is pending (it stays pending until {@link #clearSeqGap}). */
    boolean seqGapPending()
    {
        return seqGap.get();
    }

    void clearSeqGap()
    {
        seqGap.set(false);
    }

    boolean takeDrop()
    {
        return drop.getAndSet(false);
    }

    private static boolean take(final AtomicInteger counter)
    {
        int n;
        do
        {
            n = counter.get();
            if (n <= 0)
            {
                return false;
            }
        }
        while (!counter.compareAndSet(n, n - 1));
        return true;
    }
}
