package arb.bench.data;

import arb.sbe.RunStartDecoder;
import org.agrona.MutableDirectBuffer;

/**
 * Walks an {@link EventLog} endlessly, cycle after cycle, each cycle moved forward in event time.
 * The session's RunStart is served once, at the very beginning: a run has one set of parameters.
 * Allocation-free.
 */
public final class EventCursor
{
    private final EventLog log;
    private final int cycleStart;
    private int index;
    private long cycle;
    private long served;

    public EventCursor(final EventLog log)
    {
        this.log = log;
        int start = 0;
        while (start < log.size() - 1 && log.templateId(start) == RunStartDecoder.TEMPLATE_ID)
        {
            start++;
        }
        this.cycleStart = start;
    }

    /** Copies the next event into {@code dst} at offset 0; returns its length. */
    public int next(final MutableDirectBuffer dst)
    {
        if (index == log.size())
        {
            index = cycleStart;
            cycle++;
        }
        served++;
        return log.copyTo(index++, cycle, dst);
    }

    /** Template id of the event {@link #next} will serve. */
    public int peekTemplateId()
    {
        return log.templateId(index == log.size() ? cycleStart : index);
    }

    public long cycle()
    {
        return cycle;
    }

    public long served()
    {
        return served;
    }

    public EventLog log()
    {
        return log;
    }
}
