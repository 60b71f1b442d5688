package arb.engine.run;

import java.nio.file.Path;
import java.util.List;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.RunResumeEncoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;

/**
 * The input of a resumed run before it reconnects: the run's own input journal copied back into the
 * ring unchanged (so every stage rebuilds its state exactly as a replay would), then the
 * {@code RunResume} marker with the gap, then each feed's {@code DISCONNECTED} state (nothing is
 * known of any feed across the gap: books wait for fresh snapshots). The marker and the feed states
 * are new input events and are journaled, so a replay of the whole journal does what the resumed run
 * did. Cold path, once per resume.
 */
public final class ResumeSource
{
    private ResumeSource()
    {
    }

    /** Publishes every event of {@code inputJournal}, bytes unchanged; returns how many. */
    public static long publishJournal(final Path inputJournal, final EventSink sink)
    {
        long read = 0;
        try (JournalReader reader = new JournalReader(inputJournal))
        {
            while (true)
            {
                final MutableDirectBuffer slot = sink.claim();
                final int length = reader.next(slot.byteArray());
                if (length < 0)
                {
                    // every claim is published: the unused slot becomes a no-op (never journaled)
                    new arb.sbe.NoOpEncoder().wrapAndApplyHeader(slot, 0, new MessageHeaderEncoder()).recvNs(0);
                    sink.publish(Events.HEADER_LENGTH + arb.sbe.NoOpEncoder.BLOCK_LENGTH);
                    return read;
                }
                read++;
                sink.publish(length);
            }
        }
    }

    /**
     * Publishes the resume marker at {@code recvNs} and one {@code DISCONNECTED} feed state per venue.
     *
     * @return the number of input events published
     */
    public static int publishMarker(final EventSink sink, final long recvNs, final ResumePlan plan,
        final List<Venue> venues, final String detail)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final RunResumeEncoder marker = new RunResumeEncoder();
        MutableDirectBuffer buffer = sink.claim();
        marker.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .lastRecvNs(plan.lastRecvNs())
            .gapNs(recvNs - plan.lastRecvNs())
            .eventsBefore(plan.events())
            .resumeCount(plan.resumeCount())
            .detail(ascii(detail, RunResumeEncoder.detailLength()));
        sink.publish(Events.HEADER_LENGTH + marker.encodedLength());
        final FeedStatusEncoder status = new FeedStatusEncoder();
        for (final Venue v : venues)
        {
            buffer = sink.claim();
            status.wrapAndApplyHeader(buffer, 0, header)
                .recvNs(recvNs)
                .venue(v)
                .state(FeedState.DISCONNECTED)
                .reason(FeedReason.OTHER)
                .detail(ascii("resumed: state unknown across the gap", FeedStatusEncoder.detailLength()));
            sink.publish(Events.HEADER_LENGTH + status.encodedLength());
        }
        return 1 + venues.size();
    }

    private static String ascii(final String text, final int max)
    {
        final String plain = text.replaceAll("[^\\x20-\\x7e]", "?");
        return plain.length() <= max ? plain : plain.substring(0, max);
    }
}
