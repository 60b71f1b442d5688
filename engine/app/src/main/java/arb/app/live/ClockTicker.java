package arb.app.live;

import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import io.netty.channel.EventLoop;
import org.agrona.MutableDirectBuffer;

/**
 * The engine's timer: on the I/O event loop, publishes a ClockTick input event at every multiple of
 * the tick period of receive-clock time (200 ms by default), carrying its scheduled time. Timers in
 * the logic (index cadence, per-second prints, staleness checks) run off these journaled ticks, so
 * replay sees exactly the ticks the live run saw. Ticks the loop was too late for are published
 * late rather than skipped.
 */
public final class ClockTicker
{
    private final EventLoop loop;
    private final EventSink sink;
    private final ReceiveClock clock;
    private final long periodNs;
    private final ClockTickEncoder encoder = new ClockTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private long nextNs;
    private volatile boolean running;
    private long published;

    public ClockTicker(final EventLoop loop, final EventSink sink, final ReceiveClock clock, final long periodMs)
    {
        this.loop = loop;
        this.sink = sink;
        this.clock = clock;
        this.periodNs = periodMs * 1_000_000L;
    }

    /** Starts ticking (call on the loop, after RunStart). */
    public void start()
    {
        running = true;
        nextNs = (clock.nowNs() / periodNs + 1) * periodNs;
        schedule();
    }

    public void stop()
    {
        running = false;
    }

    public long published()
    {
        return published;
    }

    private void schedule()
    {
        if (!running)
        {
            return;
        }
        final long delayNs = Math.max(0, clock.realNanosFor(nextNs - clock.nowNs()));
        loop.schedule(this::fire, delayNs, TimeUnit.NANOSECONDS);
    }

    private void fire()
    {
        if (!running)
        {
            return;
        }
        final long now = clock.nowNs();
        while (nextNs <= now)
        {
            final MutableDirectBuffer b = sink.claim();
            encoder.wrapAndApplyHeader(b, 0, header).recvNs(clock.nowNs()).scheduledNs(nextNs);
            sink.publish(Events.HEADER_LENGTH + encoder.encodedLength());
            published++;
            nextNs += periodNs;
        }
        schedule();
    }
}
