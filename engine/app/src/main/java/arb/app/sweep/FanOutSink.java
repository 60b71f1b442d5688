package arb.app.sweep;

import java.util.List;

import arb.engine.chain.BusinessChain;
import arb.engine.run.RunStartCodec;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.RunStartDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds every event a replay source publishes to several business chains in turn, on the calling
 * thread, without a ring: one journal read serves every parameter set. Each chain must see exactly
 * what a replay with its own parameters would put in its ring, so the RunStart the source publishes
 * is replaced, per chain, by that chain's own RunStart (its parameter text); every other event is
 * handed to each chain unchanged.
 */
final class FanOutSink implements EventSink
{
    private final byte[] bytes = new byte[Events.SLOT_CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final BusinessChain[] chains;
    private final String[] paramTexts;
    private final long[] sequences;
    private final ChainSink chainSink = new ChainSink();

    FanOutSink(final List<BusinessChain> chains, final List<String> paramTexts)
    {
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
                for (int i = 0; i < chains.length; i++)
                {
                    chainSink.target = i;
                    RunStartCodec.publish(chainSink, recvNs, paramTexts[i]);
                }
            }
            return;
        }
        for (int i = 0; i < chains.length; i++)
        {
            chains[i].onEvent(buffer, length, sequences[i]++);
        }
    }

    /** Publishes one chain's own events (its RunStart parts) straight into that chain. */
    private final class ChainSink implements EventSink
    {
        private final byte[] own = new byte[Events.SLOT_CAPACITY];
        private final UnsafeBuffer ownBuffer = new UnsafeBuffer(own);
        int target;

        @Override
        public MutableDirectBuffer claim()
        {
            return ownBuffer;
        }

        @Override
        public void publish(final int length)
        {
            chains[target].onEvent(ownBuffer, length, sequences[target]++);
        }
    }
}
