package arb.engine.run;

import java.nio.file.Path;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.JournalScanner;
import arb.journal.JournalSource;
import arb.sbe.NoOpEncoder;
import arb.sbe.RunStartDecoder;
import org.agrona.MutableDirectBuffer;

/**
 * Copies an input journal's events back into the ring, in order, as fast as possible or paced at
 * the recorded speed. The journal's RunStart is replaced by one carrying the effective parameters
 * (journaled ones plus overrides), so the chain - and the output journal's RunParams echo - see the
 * parameters the replay actually ran with. Each event is read straight into its ring slot.
 */
public final class ReplaySource
{
    /** Progress callback, invoked from the replay thread about every {@code progressEvery} events. */
    public interface Progress
    {
        void onProgress(long events, long recvNs);
    }

    private final Path inputJournal;
    private final String effectiveParams;
    private final double speed;
    private Progress progress;
    private long progressEvery = 1 << 20;
    private long limit = -1;

    /**
     * @param speed 0 for as fast as possible, otherwise the pacing factor (1 = recorded speed)
     */
    public ReplaySource(final Path inputJournal, final String effectiveParams, final double speed)
    {
        this.inputJournal = inputJournal;
        this.effectiveParams = effectiveParams;
        this.speed = speed;
    }

    public ReplaySource progress(final Progress p, final long every)
    {
        this.progress = p;
        this.progressEvery = every;
        return this;
    }

    /**
     * Reads only the first {@code events} events, through the checked file scan instead of Chronicle
     * (replay --allow-partial of a journal that is damaged or cut after them); negative: all, through Chronicle.
     */
    public ReplaySource limit(final long events)
    {
        this.limit = events;
        return this;
    }

    /** Publishes every event to the sink; returns the number of journal events read. */
    public long run(final EventSink sink)
    {
        long read = 0;
        boolean replacedRunStart = false;
        long firstRecvNs = Long.MIN_VALUE;
        final long startNanos = System.nanoTime();
        final NoOpEncoder noOp = new NoOpEncoder();
        final arb.sbe.MessageHeaderEncoder header = new arb.sbe.MessageHeaderEncoder();
        try (JournalSource reader = limit >= 0 ? new JournalScanner(inputJournal) : new JournalReader(inputJournal))
        {
            while (true)
            {
                final MutableDirectBuffer slot = sink.claim();
                final int length = limit >= 0 && read >= limit ? -1 : reader.next(slot.byteArray());
                if (length < 0)
                {
                    noOp.wrapAndApplyHeader(slot, 0, header).recvNs(0);
                    sink.publish(Events.HEADER_LENGTH + noOp.encodedLength());
                    if (sink instanceof arb.engine.ring.RingPublisher)
                    {
                        ((arb.engine.ring.RingPublisher)sink).flush();
                    }
                    return read;
                }
                read++;
                final long recvNs = Events.recvNs(slot, 0);
                if (Events.templateId(slot, 0) == RunStartDecoder.TEMPLATE_ID)
                {
                    // Turn the journaled RunStart part(s) into the effective one(s): the first part
                    // becomes a no-op placeholder for this slot, then the effective text is published.
                    noOp.wrapAndApplyHeader(slot, 0, header).recvNs(recvNs);
                    sink.publish(Events.HEADER_LENGTH + noOp.encodedLength());
                    if (!replacedRunStart)
                    {
                        RunStartCodec.publish(sink, recvNs, effectiveParams);
                        replacedRunStart = true;
                    }
                    continue;
                }
                if (speed > 0)
                {
                    if (firstRecvNs == Long.MIN_VALUE)
                    {
                        firstRecvNs = recvNs;
                    }
                    pace(startNanos, (long)((recvNs - firstRecvNs) / speed));
                }
                sink.publish(length);
                if (progress != null && read % progressEvery == 0)
                {
                    progress.onProgress(read, recvNs);
                }
            }
        }
    }

    private static void pace(final long startNanos, final long offsetNs)
    {
        while (true)
        {
            final long wait = startNanos + offsetNs - System.nanoTime();
            if (wait <= 0)
            {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
    }
}
