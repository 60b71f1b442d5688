package arb.engine.broker;

import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.OutputJournal;
import arb.engine.chain.OutputListener;
import arb.journal.Events;
import arb.sbe.FillDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SignalDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Collects output events (copies) and decodes them for assertions. */
public final class CapturedOutputs implements OutputListener
{
    public final OutputJournal journal = new OutputJournal(null);
    public final TradingOutputs outputs;
    private final List<UnsafeBuffer> events = new ArrayList<>();

    public CapturedOutputs()
    {
        journal.addListener(this);
        outputs = new TradingOutputs(journal);
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        events.add(new UnsafeBuffer(copy));
    }

    public void clear()
    {
        events.clear();
    }

    public int size()
    {
        return events.size();
    }

    public List<FillDecoder> fills()
    {
        final List<FillDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(FillDecoder.TEMPLATE_ID))
        {
            out.add(new FillDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    public List<OrderDoneDecoder> orderDones()
    {
        final List<OrderDoneDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(OrderDoneDecoder.TEMPLATE_ID))
        {
            out.add(new OrderDoneDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    public List<OrderDecoder> orders()
    {
        final List<OrderDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(OrderDecoder.TEMPLATE_ID))
        {
            out.add(new OrderDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    public List<SettlementDecoder> settlements()
    {
        final List<SettlementDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(SettlementDecoder.TEMPLATE_ID))
        {
            out.add(new SettlementDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    public List<PositionMarkDecoder> marks()
    {
        final List<PositionMarkDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(PositionMarkDecoder.TEMPLATE_ID))
        {
            out.add(new PositionMarkDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    public List<SignalDecoder> signals()
    {
        final List<SignalDecoder> out = new ArrayList<>();
        for (final UnsafeBuffer b : of(SignalDecoder.TEMPLATE_ID))
        {
            out.add(new SignalDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
        }
        return out;
    }

    /** SHA-256 over every captured event's bytes, in order. */
    public String digest()
    {
        try
        {
            final java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (final UnsafeBuffer b : events)
            {
                sha.update(b.byteArray());
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        }
        catch (final java.security.NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Template ids in emission order. */
    public List<Integer> templates()
    {
        final List<Integer> out = new ArrayList<>();
        for (final UnsafeBuffer b : events)
        {
            out.add(Events.templateId(b, 0));
        }
        return out;
    }

    private List<UnsafeBuffer> of(final int templateId)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer b : events)
        {
            if (Events.templateId(b, 0) == templateId)
            {
                out.add(b);
            }
        }
        return out;
    }
}
