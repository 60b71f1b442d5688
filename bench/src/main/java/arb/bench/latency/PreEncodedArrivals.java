package arb.bench.latency;

import arb.bench.data.EventCursor;
import arb.bench.data.EventLog;
import arb.journal.EventSink;

/**
 * Arrivals that are already events: the generator's event mix copied into the claimed slot (the
 * cost a decoder would add is left out). Used until venue decoders are available, and as the
 * decoder-free reference.
 */
public final class PreEncodedArrivals implements ArrivalSource
{
    private final EventCursor cursor;

    public PreEncodedArrivals(final EventLog log)
    {
        this.cursor = new EventCursor(log);
    }

    @Override
    public int arrive(final EventSink sink)
    {
        sink.publish(cursor.next(sink.claim()));
        return 1;
    }

    @Override
    public String describe()
    {
        return "pre-encoded events (generator mix, " + cursor.log().size() + " events per cycle)";
    }
}
