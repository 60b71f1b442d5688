package arb.engine.chain;

import java.util.List;

import arb.engine.ring.Slot;
import arb.journal.Events;
import com.lmax.disruptor.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring consumer that runs the stages, in order, on one thread, after the journaler. Output is
 * a pure function of the ordered input events. A stage that throws is logged with the event's ring
 * sequence and template, told to invalidate its half-updated state, and the chain goes on: one bad
 * event must never stop the engine.
 */
public final class BusinessChain implements EventHandler<Slot>
{
    private static final Logger LOG = LoggerFactory.getLogger(BusinessChain.class);
    private static final long LOG_EVERY_N_ERRORS = 1000;

    private final Stage[] stages;
    private final OutputJournal output;
    private final InputEvent event = new InputEvent();
    private volatile long processed;
    private volatile long lastSequence = -1;
    private long errors;
    private long lastRecvNs = Long.MIN_VALUE;

    public BusinessChain(final List<Stage> stages, final OutputJournal output)
    {
        this.stages = stages.toArray(new Stage[0]);
        this.output = output;
    }

    @Override
    public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
    {
        onEvent(slot.buffer, slot.length, sequence);
    }

    /** Processes one encoded event (also used directly by single-threaded tools and benchmarks). */
    public void onEvent(final org.agrona.DirectBuffer buffer, final int length, final long sequence)
    {
        event.wrap(buffer, length, sequence);
        final int templateId = event.templateId();
        if (Events.isInput(templateId))
        {
            lastRecvNs = event.recvNs();
            for (final Stage stage : stages)
            {
                try
                {
                    stage.onEvent(event);
                }
                catch (final Throwable t)
                {
                    onStageError(stage, t);
                }
            }
        }
        lastSequence = sequence;
        processed++;
    }

    private void onStageError(final Stage stage, final Throwable t)
    {
        errors++;
        if (errors <= 20 || errors % LOG_EVERY_N_ERRORS == 0)
        {
            LOG.error("stage {} failed on event seq={} template={} recvNs={} (error #{}); state invalidated, continuing",
                stage.name(), event.sequence(), event.templateId(), event.recvNs(), errors, t);
        }
        try
        {
            stage.onException(event, t);
        }
        catch (final Throwable t2)
        {
            LOG.error("stage {} failed while recovering from an error", stage.name(), t2);
        }
    }

    /** End of input: lets stages flush, then output listeners write their files. */
    public void end()
    {
        for (final Stage stage : stages)
        {
            try
            {
                stage.onEnd(lastRecvNs);
            }
            catch (final Throwable t)
            {
                LOG.error("stage {} failed at end of run", stage.name(), t);
            }
        }
        output.end();
    }

    public long processed()
    {
        return processed;
    }

    public long lastSequence()
    {
        return lastSequence;
    }

    public long errors()
    {
        return errors;
    }

    public OutputJournal output()
    {
        return output;
    }
}
