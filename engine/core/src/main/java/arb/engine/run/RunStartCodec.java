package arb.engine.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.JournalScanner;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.RunStartDecoder;
import arb.sbe.RunStartEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a run's parameters as RunStart events (split into parts when the text is long) and reads
 * them back from the head of an input journal.
 */
public final class RunStartCodec
{
    private RunStartCodec()
    {
    }

    /** What a journal's RunStart says. */
    public record Header(String paramsText, int schemaId, int schemaVersion, String engineVersion, long recvNs,
        int events)
    {
    }

    /** Publishes the RunStart part(s) for {@code paramsText} at {@code recvNs}. */
    public static void publish(final EventSink sink, final long recvNs, final String paramsText)
    {
        final byte[] text = paramsText.getBytes(StandardCharsets.UTF_8);
        final RunStartEncoder encoder = new RunStartEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        int offset = 0;
        do
        {
            final int len = Math.min(Events.MAX_PARAM_TEXT, text.length - offset);
            final MutableDirectBuffer buffer = sink.claim();
            encoder.wrapAndApplyHeader(buffer, 0, header)
                .recvNs(recvNs)
                .schemaId(Events.SCHEMA_ID)
                .schemaVersion(Events.SCHEMA_VERSION)
                .engineVersion(EngineVersion.VERSION);
            encoder.parts().clear().first(offset == 0).last(offset + len >= text.length);
            encoder.putParamText(text, offset, len);
            sink.publish(Events.HEADER_LENGTH + encoder.encodedLength());
            offset += len;
        }
        while (offset < text.length);
    }

    /** Reads the RunStart parts at the head of an input journal. */
    public static Header read(final Path inputJournal)
    {
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(buf);
        final RunStartDecoder d = new RunStartDecoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final StringBuilder text = new StringBuilder();
        // The checked file scan, not Chronicle: this is the first read of a journal a user names.
        try (JournalScanner reader = new JournalScanner(inputJournal))
        {
            int events = 0;
            int len;
            while ((len = reader.next(buf)) >= 0)
            {
                if (Events.templateId(view, 0) != RunStartDecoder.TEMPLATE_ID)
                {
                    throw new IllegalArgumentException("journal " + inputJournal
                        + " does not start with a RunStart event (template " + Events.templateId(view, 0) + ")");
                }
                d.wrapAndApplyHeader(view, 0, header);
                events++;
                final boolean last = d.parts().last();
                final String engineVersion = d.engineVersion().trim();
                final int schemaId = d.schemaId();
                final int schemaVersion = d.schemaVersion();
                final long recvNs = d.recvNs();
                text.append(d.paramText());
                if (last)
                {
                    return new Header(text.toString(), schemaId, schemaVersion, engineVersion, recvNs, events);
                }
            }
            if (reader.problem() != null)
            {
                throw new IllegalArgumentException(reader.problem().message());
            }
            throw new IllegalArgumentException("journal " + inputJournal + (events == 0 ? " is empty"
                : " ends inside its RunStart event"));
        }
    }
}
