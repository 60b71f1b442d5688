package arb.app.sweep;

import java.util.List;

import arb.engine.chain.BusinessChain;
import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.OutputListener;
import arb.engine.chain.Stage;
import arb.engine.run.RunStartCodec;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.RunStartDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds every event a replay source publishes first to one shared chain prefix (index, books, Kalshi
 * markets) and then to several points' own chains (run-params echo, the prefix's outputs, trading
 * desk), on the calling thread: one journal read and one pass of the prefix serve every point of a
 * group whose market-side parameters are equal.
 *
 * <p>A single replay runs, per input event, echo -&gt; index -&gt; books -&gt; Kalshi -&gt; desk, all
 * writing into one output journal. Here the prefix writes into its own journal, whose events of the
 * current input event are captured ({@link Captured}); each point's chain then runs its echo, re-emits
 * the captured events into its own output journal ({@link ReplayStage}), and runs its desk, which
 * reads the prefix's state as it stands after the event. So each point's output journal receives the
 * same events in the same order as a single replay with its parameters.
 *
 * <p>RunStart: a point's chain sees its own RunStart (its parameter text, in as many parts as that
 * text needs) in place of the source's, as a replay with its parameters would; the prefix sees the
 * group's canonical one. The prefix reads nothing of a RunStart but its time: only its first part may
 * run calculations due before that time (later parts carry the same time), and a point emits the
 * captured events at its first part, where its own replay would. That rule is checked: a prefix
 * output on a later part stops the sweep rather than reorder an output.
 */
final class SharedPrefixSink implements EventSink
{
    private final byte[] bytes = new byte[Events.SLOT_CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final BusinessChain prefix;
    private final OutputJournal prefixOut;
    private final String prefixParamText;
    private final Captured captured;
    private final BusinessChain[] chains;
    private final String[] paramTexts;
    private final long[] sequences;
    private final ChainSink chainSink = new ChainSink();
    private long prefixSequence;

    /**
     * @param prefix          the shared stages' chain, writing into {@code prefixOut}
     * @param prefixParamText the RunStart text the prefix sees (any point's of the group)
     * @param captured        captures {@code prefixOut}'s events (already its listener)
     * @param chains          each point's chain: echo, {@link ReplayStage} over {@code captured}, desk
     * @param paramTexts      each point's parameter text, for its RunStart
     */
    SharedPrefixSink(final BusinessChain prefix, final OutputJournal prefixOut, final String prefixParamText,
        final Captured captured, final List<BusinessChain> chains, final List<String> paramTexts)
    {
        this.prefix = prefix;
        this.prefixOut = prefixOut;
        this.prefixParamText = prefixParamText;
        this.captured = captured;
        this.chains = chains.toArray(new BusinessChain[0]);
        this.paramTexts = paramTexts.toArray(new String[0]);
        this.sequences = new long[this.chains.length];
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return buffer;
    }

    @Override
    public void publish(final int length)
    {
        if (Events.templateId(buffer, 0) == RunStartDecoder.TEMPLATE_ID)
        {
            final int parts = buffer.getByte(Events.HEADER_LENGTH + RunStartDecoder.partsEncodingOffset()) & 0xFF;
            if ((parts & Events.PART_FIRST) != 0)
            {
                final long recvNs = Events.recvNs(buffer, 0);
                captured.next();
                chainSink.prefixOutputsAtFirst = -1;
                chainSink.target = -1;
                RunStartCodec.publish(chainSink, recvNs, prefixParamText);
                if (chainSink.prefixOutputsAtFirst != prefixOut.count())
                {
                    throw new IllegalStateException("a shared stage wrote output on a later RunStart part: "
                        + "its place in each point's output would differ from a replay");
                }
                for (int i = 0; i < chains.length; i++)
                {
                    chainSink.target = i;
                    RunStartCodec.publish(chainSink, recvNs, paramTexts[i]);
                }
            }
            return;
        }
        captured.next();
        prefix.onEvent(buffer, length, prefixSequence++);
        for (int i = 0; i < chains.length; i++)
        {
            chains[i].onEvent(buffer, length, sequences[i]++);
        }
    }

    /** End of input: the prefix's stages flush first (captured), then each point's chain ends. */
    void end()
    {
        captured.next();
        prefix.end();
        for (final BusinessChain c : chains)
        {
            c.end();
        }
    }

    /** Publishes RunStart parts straight into the prefix (target -1) or one point's chain. */
    private final class ChainSink implements EventSink
    {
        private final byte[] own = new byte[Events.SLOT_CAPACITY];
        private final UnsafeBuffer ownBuffer = new UnsafeBuffer(own);
        int target;
        long prefixOutputsAtFirst;

        @Override
        public MutableDirectBuffer claim()
        {
            return ownBuffer;
        }

        @Override
        public void publish(final int length)
        {
            if (target < 0)
            {
                prefix.onEvent(ownBuffer, length, prefixSequence++);
                if (prefixOutputsAtFirst < 0)
                {
                    prefixOutputsAtFirst = prefixOut.count();
                }
                return;
            }
            chains[target].onEvent(ownBuffer, length, sequences[target]++);
        }
    }

    /**
     * The shared prefix's output events for the current input event (or the end of input), as
     * length-prefixed copies in one growing buffer, plus a generation number that moves on with each
     * input event so a point re-emits them once. Grows to the largest event's output, then allocates
     * nothing.
     */
    static final class Captured implements OutputListener
    {
        private final ExpandableArrayBuffer store = new ExpandableArrayBuffer(1 << 16);
        private int size;
        private long generation;

        /** Starts the next input event's capture. */
        void next()
        {
            size = 0;
            generation++;
        }

        @Override
        public void onOutput(final DirectBuffer source, final int length)
        {
            store.putInt(size, length);
            store.putBytes(size + Integer.BYTES, source, 0, length);
            size += Integer.BYTES + length;
        }

        /** Appends the captured events, in order, to {@code out}. */
        void emitTo(final OutputJournal out)
        {
            int at = 0;
            while (at < size)
            {
                final int length = store.getInt(at);
                out.buffer().putBytes(0, store, at + Integer.BYTES, length);
                out.append(length);
                at += Integer.BYTES + length;
            }
        }
    }

    /**
     * A point's stand-in for the shared stages, at their place in its chain (after the echo, before
     * the desk): re-emits into the point's output journal what the prefix wrote for this input event,
     * once per event (a RunStart in several parts emits at its first), and at the end what the
     * prefix wrote while ending.
     */
    static final class ReplayStage implements Stage
    {
        private final Captured captured;
        private final OutputJournal out;
        private long emitted = -1;

        ReplayStage(final Captured captured, final OutputJournal out)
        {
            this.captured = captured;
            this.out = out;
        }

        @Override
        public String name()
        {
            return "shared-prefix";
        }

        @Override
        public void onEvent(final InputEvent event)
        {
            emit();
        }

        @Override
        public void onEnd(final long lastRecvNs)
        {
            emit();
        }

        private void emit()
        {
            if (emitted != captured.generation)
            {
                emitted = captured.generation;
                captured.emitTo(out);
            }
        }
    }
}
