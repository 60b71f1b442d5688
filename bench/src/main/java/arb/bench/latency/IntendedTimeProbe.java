package arb.bench.latency;

import arb.app.latency.LatencyByEventType;
import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;

/**
 * The latency harness's measuring point: the last stage of the business chain, recording for each
 * event the time from its INTENDED send time (the schedule, not the moment the producer managed to
 * send it: no coordinated omission) until every stage before this one has finished with it. The
 * producer stores each event's intended time by ring sequence before publishing
 * ({@link ScheduledSink}); the ring's publish/consume ordering makes it visible here.
 */
public final class IntendedTimeProbe implements Stage
{
    private final long[] intendedNs;
    private final int mask;
    private final LatencyByEventType latency = new LatencyByEventType();
    private volatile long recordFrom = Long.MAX_VALUE;

    public IntendedTimeProbe(final long[] intendedNs)
    {
        if (Integer.bitCount(intendedNs.length) != 1)
        {
            throw new IllegalArgumentException("intended-time array length must be a power of two (the ring size)");
        }
        this.intendedNs = intendedNs;
        this.mask = intendedNs.length - 1;
    }

    @Override
    public String name()
    {
        return "intended-time-probe";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        final long sequence = event.sequence();
        if (sequence >= recordFrom)
        {
            latency.record(event.templateId(), System.nanoTime() - intendedNs[(int)sequence & mask]);
        }
    }

    /** Events from this ring sequence on are recorded (the end of the warm-up). */
    public void recordFrom(final long sequence)
    {
        recordFrom = sequence;
    }

    public LatencyByEventType latency()
    {
        return latency;
    }
}
