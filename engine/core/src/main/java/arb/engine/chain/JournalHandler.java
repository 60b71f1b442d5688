package arb.engine.chain;

import arb.engine.ring.Slot;
import arb.journal.Events;
import arb.journal.JournalWriter;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * The first consumer on the ring: appends each input event's bytes, unchanged, to the input
 * journal. The business chain is gated on it, so no output can ever refer to an input the journal
 * lacks, even after a crash. No-op placeholders (claimed slots whose frame turned out unusable)
 * are skipped. At the end of each batch it publishes its progress and tells the wait strategy, so
 * a chain gated behind it can park instead of spinning ({@code GatedBlockingWaitStrategy}).
 */
public final class JournalHandler implements EventHandler<Slot>
{
    private final JournalWriter writer;
    private final Runnable onStart;
    private final Runnable onBatchEnd;
    private Sequence progress;
    private volatile long journaled;
    private long alreadyJournaled;

    public JournalHandler(final JournalWriter writer, final Runnable onStart)
    {
        this(writer, onStart, null);
    }

    /**
     * @param onBatchEnd called after the handler's sequence has moved past a batch (e.g. the wait
     *                   strategy's signal), or null
     */
    public JournalHandler(final JournalWriter writer, final Runnable onStart, final Runnable onBatchEnd)
    {
        this.writer = writer;
        this.onStart = onStart;
        this.onBatchEnd = onBatchEnd;
    }

    /**
     * The first {@code events} input events published are already in the journal (a resumed run
     * replays its journal through the ring to rebuild the chain's state): they are counted, not
     * appended again. Call before the ring starts.
     */
    public void alreadyJournaled(final long events)
    {
        this.alreadyJournaled = events;
        this.journaled = events;
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.progress = sequenceCallback;
    }

    @Override
    public void onStart()
    {
        onStart.run();
    }

    @Override
    public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
    {
        if (Events.isInput(slot.templateId()))
        {
            if (alreadyJournaled > 0)
            {
                alreadyJournaled--;
            }
            else
            {
                writer.append(slot.data, 0, slot.length);
                journaled++;
            }
        }
        if (endOfBatch && onBatchEnd != null && progress != null)
        {
            // The processor would set this after the batch; setting it first lets the signal wake
            // the chain with the sequence already visible.
            progress.set(sequence);
            onBatchEnd.run();
        }
    }

    public long journaled()
    {
        return journaled;
    }
}
