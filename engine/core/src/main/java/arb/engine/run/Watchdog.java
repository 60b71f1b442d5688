package arb.engine.run;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a consumer that stops advancing: when the ring holds events the chain has not processed
 * and the chain's sequence has not moved for {@code stallMs}, it logs the chain thread's stack and
 * reports a fatal error (live mode then stops the process with a non-zero exit instead of leaving a
 * silent zombie, the original system's failure). Also reports a consumer thread that died.
 */
public final class Watchdog implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final Engine engine;
    private final long stallMs;
    private final Consumer<String> onFatal;
    private final Thread thread;
    private volatile boolean running = true;

    public Watchdog(final Engine engine, final long stallMs, final Consumer<String> onFatal)
    {
        this.engine = engine;
        this.stallMs = stallMs;
        this.onFatal = onFatal;
        this.thread = new Thread(this::run, "arb-watchdog");
        this.thread.setDaemon(true);
    }

    public Watchdog start()
    {
        thread.start();
        return this;
    }

    private void run()
    {
        long lastSequence = engine.chainSequence();
        long lastProgressMs = System.currentTimeMillis();
        final long period = Math.max(10, Math.min(1000, stallMs / 4));
        while (running)
        {
            try
            {
                Thread.sleep(period);
            }
            catch (final InterruptedException e)
            {
                return;
            }
            if (!running)
            {
                return;
            }
            for (final Thread t : engine.consumerThreads())
            {
                if (!t.isAlive())
                {
                    fatal("consumer thread " + t.getName() + " died");
                    return;
                }
            }
            if (engine.fatalError() != null)
            {
                fatal("consumer failed: " + engine.fatalError());
                return;
            }
            final long seq = engine.chainSequence();
            final long now = System.currentTimeMillis();
            if (seq != lastSequence || engine.ringCursor() <= seq)
            {
                lastSequence = seq;
                lastProgressMs = now;
            }
            else if (now - lastProgressMs > stallMs)
            {
                final StringBuilder stacks = new StringBuilder();
                for (final Thread t : engine.consumerThreads())
                {
                    stacks.append("\n  ").append(t.getName()).append(':');
                    for (final StackTraceElement e : t.getStackTrace())
                    {
                        stacks.append("\n    at ").append(e);
                    }
                }
                LOG.error("chain stuck at sequence {} with ring cursor {} for {} ms{}", seq, engine.ringCursor(),
                    now - lastProgressMs, stacks);
                fatal("business chain stopped advancing for " + (now - lastProgressMs) + " ms at sequence " + seq);
                return;
            }
        }
    }

    private void fatal(final String why)
    {
        running = false;
        onFatal.accept(why);
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
    }
}
