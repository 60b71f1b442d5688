package arb.engine.chain;

import arb.journal.Events;
import arb.sbe.RunParamsEncoder;
import arb.sbe.RunStartDecoder;

/**
 * Echoes each RunStart event's parameter text into a RunParams output event, so an output journal
 * states the effective logic parameters it was produced with (a replay with overrides carries the
 * overridden values).
 */
public final class RunParamsEchoStage implements Stage
{
    private final OutputJournal out;
    private final RunParamsEncoder encoder = new RunParamsEncoder();
    private final byte[] text = new byte[Events.SLOT_CAPACITY];

    public RunParamsEchoStage(final OutputJournal out)
    {
        this.out = out;
    }

    @Override
    public String name()
    {
        return "run-params";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        if (event.templateId() != RunStartDecoder.TEMPLATE_ID)
        {
            return;
        }
        final RunStartDecoder in = event.runStart();
        final short parts = in.parts().getRaw();
        final int len = in.getParamText(text, 0, text.length);
        encoder.wrapAndApplyHeader(out.buffer(), 0, out.header()).recvNs(in.recvNs());
        encoder.parts().clear().first((parts & Events.PART_FIRST) != 0).last((parts & Events.PART_LAST) != 0);
        encoder.putParamText(text, 0, len);
        out.append(Events.HEADER_LENGTH + encoder.encodedLength());
    }
}
