package arb.feeds.net;

import arb.journal.BookPartsWriter;
import arb.journal.CountingSink;
import arb.journal.EventSink;
import arb.journal.Scales;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VenueEventSinkTest
{
    private final BookPartsWriter writer = new BookPartsWriter();

    private void publish(final EventSink sink, final boolean snapshot, final int n)
    {
        final boolean[] side = new boolean[2 * n];
        final long[] price = new long[2 * n];
        final long[] size = new long[2 * n];
        for (int i = 0; i < n; i++)
        {
            side[i] = true;
            price[i] = 65_000_00000000L - i * 1_000_000L;
            size[i] = 10;
            side[n + i] = false;
            price[n + i] = 65_000_01000000L + i * 1_000_000L;
            size[n + i] = 10;
        }
        writer.publish(sink, snapshot, 1, Scales.NULL, Venue.KRAKEN, Quote.USD, Scales.NULL, 2 * n, side, price, size);
    }

    @Test
    void aMultiPartSnapshotSignalsOnceRightAfterItsLastPart()
    {
        final CountingSink ring = new CountingSink();
        final int[] rebuilds = new int[1];
        final long[] publishedAtSignal = new long[1];
        final VenueEventSink sink = new VenueEventSink(ring, () ->
        {
            rebuilds[0]++;
            publishedAtSignal[0] = ring.events();
        });
        publish(sink, true, 500);
        assertThat(ring.events()).isGreaterThan(1);
        assertThat(rebuilds[0]).isEqualTo(1);
        assertThat(publishedAtSignal[0]).isEqualTo(ring.events());
        assertThat(sink.events()).isEqualTo(ring.events());
    }

    @Test
    void updatesDoNotSignal()
    {
        final CountingSink ring = new CountingSink();
        final int[] rebuilds = new int[1];
        final VenueEventSink sink = new VenueEventSink(ring, () -> rebuilds[0]++);
        publish(sink, false, 500);
        assertThat(ring.events()).isGreaterThan(1);
        assertThat(rebuilds[0]).isZero();
    }
}
