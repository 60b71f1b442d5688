package arb.engine.ring;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Ring wait strategies by name (an environment setting: it changes latency and CPU use, never an
 * output). The default, {@code blocking}, parks consumers - also while they wait for the consumer
 * they are gated behind ({@link GatedBlockingWaitStrategy}) - so a 2-core machine keeps a core for
 * the I/O thread; {@code yielding} and {@code busy-spin} trade a core each for latency on pinned
 * hosts. {@code disruptor-blocking} is Disruptor's own blocking strategy (parks on the producer's
 * cursor only, then spins on the consumer ahead), kept for comparison.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "blocking";
    public static final String[] NAMES = {"blocking", "lite-blocking", "sleeping", "yielding", "busy-spin",
        "disruptor-blocking"};

    private WaitStrategies()
    {
    }

    public static WaitStrategy byName(final String name)
    {
        switch (name.toLowerCase(Locale.ROOT))
        {
            case "blocking": return new GatedBlockingWaitStrategy();
            case "disruptor-blocking": return new BlockingWaitStrategy();
            case "lite-blocking": return new LiteTimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS);
            case "sleeping": return new SleepingWaitStrategy();
            case "yielding": return new YieldingWaitStrategy();
            case "busy-spin": return new BusySpinWaitStrategy();
            default:
                throw new IllegalArgumentException("unknown wait strategy '" + name + "'; one of "
                    + String.join(", ", NAMES));
        }
    }
}
