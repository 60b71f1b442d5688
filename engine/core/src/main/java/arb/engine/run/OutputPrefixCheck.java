package arb.engine.run;

import java.nio.file.Path;

import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputListener;
import arb.engine.chain.Stage;
import arb.journal.JournalCheck;
import arb.journal.JournalReader;
import arb.journal.JournalScanner;
import arb.journal.Events;
import arb.sbe.RunResumeDecoder;
import org.agrona.DirectBuffer;

/**
 * Checks a resumed run's rebuilt output journal against the one the run wrote before the gap: while
 * the resume replays the input journal, each output event is compared byte for byte with the
 * previous journal's next event. Up to the crash they must be equal (the chain is a pure function of
 * its input); what the previous journal holds beyond that is only the end-of-run flush of a stopped
 * run (orders cancelled at the end of input, marks), which the resumed run replaces. Registered as
 * an output listener and as the last stage: the {@code RunResume} marker ends the check. Runs on the
 * chain thread; inert after the marker.
 */
public final class OutputPrefixCheck implements OutputListener, Stage
{
    private final byte[] previous = new byte[Events.SLOT_CAPACITY];
    private JournalReader reader;
    private long outputs;
    private long matching;
    private long previousEvents;
    private boolean diverged;
    private volatile boolean done;

    /** @param previousOutput the output journal written before the gap (null or absent: nothing to compare) */
    public OutputPrefixCheck(final Path previousOutput)
    {
        this.reader = readable(previousOutput) ? new JournalReader(previousOutput) : null;
    }

    /** Whether the previous output journal can be read (whole, or ending in a torn entry Chronicle stops before). */
    private static boolean readable(final Path previousOutput)
    {
        if (previousOutput == null || !Replay.hasJournal(previousOutput))
        {
            return false;
        }
        final JournalCheck.Result r = JournalCheck.check(previousOutput, null);
        return r.ok() || r.problem().kind() == JournalScanner.Kind.TORN;
    }

    @Override
    public String name()
    {
        return "resume-output-check";
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        if (done)
        {
            return;
        }
        outputs++;
        if (reader == null || diverged)
        {
            return;
        }
        final int previousLength = reader.next(previous);
        if (previousLength < 0)
        {
            close();
            return;
        }
        previousEvents++;
        if (previousLength == length && sameBytes(buffer, length))
        {
            matching++;
        }
        else
        {
            diverged = true;
        }
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        if (!done && event.templateId() == RunResumeDecoder.TEMPLATE_ID)
        {
            if (reader != null)
            {
                while (reader.next(previous) >= 0)
                {
                    previousEvents++;
                }
                close();
            }
            done = true;
        }
    }

    private boolean sameBytes(final DirectBuffer buffer, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(i) != previous[i])
            {
                return false;
            }
        }
        return true;
    }

    private void close()
    {
        reader.close();
        reader = null;
    }

    /** Whether the marker has been processed (the figures below are final). */
    public boolean done()
    {
        return done;
    }

    /** Output events the replay of the journal produced before the marker. */
    public long outputs()
    {
        return outputs;
    }

    /** How many of them equal the previous output journal's, from its start. */
    public long matching()
    {
        return matching;
    }

    /** Events in the previous output journal. */
    public long previousEvents()
    {
        return previousEvents;
    }
}
