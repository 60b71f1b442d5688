package arb.journal;

import arb.sbe.BookSide;
import arb.sbe.BookSnapshotEncoder;
import arb.sbe.BookUpdateEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;

/**
 * Publishes a book snapshot or a set of level changes of any size as consecutive BookSnapshot /
 * BookUpdate events of at most {@link Events#MAX_LEVELS} levels each, flagged FIRST on the first
 * part and LAST on the last, so consumers can reassemble one logical venue message. Levels come
 * from caller-owned parallel arrays; nothing is allocated.
 */
public final class BookPartsWriter
{
    private final BookSnapshotEncoder snapshot = new BookSnapshotEncoder();
    private final BookUpdateEncoder update = new BookUpdateEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    /**
     * @param isSnapshot true: BookSnapshot (the book is replaced); false: BookUpdate (absolute qty, 0 deletes)
     * @param seq        venue sequence / update id, or {@link Scales#NULL}
     * @return number of events published
     */
    public int publish(
        final EventSink sink, final boolean isSnapshot, final long recvNs, final long venueNs, final Venue venue,
        final Quote quote, final long seq, final int count, final boolean[] isBid, final long[] price, final long[] qty)
    {
        int from = 0;
        int events = 0;
        do
        {
            final int n = Math.min(Events.MAX_LEVELS, count - from);
            final boolean first = from == 0;
            final boolean last = from + n >= count;
            final MutableDirectBuffer buffer = sink.claim();
            final int length;
            if (isSnapshot)
            {
                snapshot.wrapAndApplyHeader(buffer, 0, header)
                    .recvNs(recvNs).venueNs(venueNs).venue(venue).quote(quote);
                snapshot.parts().clear().first(first).last(last);
                snapshot.seq(seq);
                final BookSnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(n);
                for (int i = from; i < from + n; i++)
                {
                    levels.next().side(isBid[i] ? BookSide.BID : BookSide.ASK).price(price[i]).qty(qty[i]);
                }
                length = Events.HEADER_LENGTH + snapshot.encodedLength();
            }
            else
            {
                update.wrapAndApplyHeader(buffer, 0, header)
                    .recvNs(recvNs).venueNs(venueNs).venue(venue).quote(quote);
                update.parts().clear().first(first).last(last);
                update.seq(seq);
                final BookUpdateEncoder.LevelsEncoder levels = update.levelsCount(n);
                for (int i = from; i < from + n; i++)
                {
                    levels.next().side(isBid[i] ? BookSide.BID : BookSide.ASK).price(price[i]).qty(qty[i]);
                }
                length = Events.HEADER_LENGTH + update.encodedLength();
            }
            sink.publish(length);
            events++;
            from += n;
        }
        while (from < count);
        return events;
    }
}
