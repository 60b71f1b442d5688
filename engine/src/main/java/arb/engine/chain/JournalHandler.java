package arb.engine.chain;

import arb.engine.ring.Slot;
import arb.journal.Events;
import arb.journal.JournalWriter;
import com.lmax.disruptor.EventHandler;

/**
 * The first consumer on the ring: appends each input event's bytes, unchanged, to the input
 * journal. The business chain is gated on it, so no output can ever refer to an input the journal
 * lacks, even after a crash. No-op placeholders (claimed slots whose frame turned out unusable)
 * are skipped.
 */
public final class JournalHandler implements EventHandler<Slot>
{
    private final JournalWriter writer;
    private final Runnable onStart;
    private volatile long journaled;

    public JournalHandler(final JournalWriter writer, final Runnable onStart)
    {
        this.writer = writer;
        this.onStart = onStart;
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
            writer.append(slot.data, 0, slot.length);
            journaled++;
        }
    }

    public long journaled()
    {
        return journaled;
    }
}
