package arb.feeds.net;

import arb.journal.EventSink;
import io.netty.util.concurrent.EventExecutor;
import org.agrona.MutableDirectBuffer;

/**
 * The producer-side guard of the single-producer ring: every claim must come from the I/O event
 * loop, the one thread that decides ring (and so journal) order. A publish from any other thread is
 * a bug that would reorder the journal silently, so it fails loudly instead. Anything else that must
 * publish (shutdown, control) goes through {@code eventLoop.execute}.
 */
public final class LoopBoundSink implements EventSink
{
    private final EventExecutor loop;
    private final EventSink delegate;

    public LoopBoundSink(final EventExecutor loop, final EventSink delegate)
    {
        this.loop = loop;
        this.delegate = delegate;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        if (!loop.inEventLoop())
        {
            throw new IllegalStateException("event published from " + Thread.currentThread().getName()
                + ", not the I/O event loop: use eventLoop.execute");
        }
        return delegate.claim();
    }

    @Override
    public void publish(final int length)
    {
        delegate.publish(length);
    }

    public EventExecutor loop()
    {
        return loop;
    }
}
