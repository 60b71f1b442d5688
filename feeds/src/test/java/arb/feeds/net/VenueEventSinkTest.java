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

    private final VenueGauges gauges = new VenueGauges(Venue.KRAKEN, "kraken", arb.feeds.ReceiveClock.system());

    private void publish(final EventSink sink, final boolean snapshot, final int n)
    {
        publish(sink, snapshot, n, 1, Scales.NULL);
    }

    private void publish(final EventSink sink, final boolean snapshot, final int n, final long recvNs, final long venueNs)
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
        writer.publish(sink, snapshot, recvNs, venueNs, Venue.KRAKEN, Quote.USD, Scales.NULL, 2 * n, side, price, size);
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
        }, gauges, 1.0);
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
        final VenueEventSink sink = new VenueEventSink(ring, () -> rebuilds[0]++, gauges, 1.0);
        publish(sink, false, 500);
        assertThat(ring.events()).isGreaterThan(1);
        assertThat(rebuilds[0]).isZero();
    }

    @Test
    void latencyIsWallClockTimeOnASpedUpReceiveClock()
    {
        // The simulator at --rate 30: 30 s between venue and receive timestamps on its clock is 1 s of wall time.
        final VenueEventSink sink = new VenueEventSink(new CountingSink(), () ->
        {
        }, gauges, 30.0);
        publish(sink, false, 1, 31_000_000_000L, 1_000_000_000L);
        assertThat(sink.totalLatencyCopy().getMaxValue()).isBetween(990_000_000L, 1_010_000_000L);
        final double[] bounds = VenueGauges.latencyBoundsSeconds();
        long below1s = 0;
        long upTo1s = 0;
        for (int i = 0; i < bounds.length; i++)
        {
            if (bounds[i] < 1.0)
            {
                below1s += gauges.latencyBucket(i);
            }
            else if (bounds[i] == 1.0)
            {
                upTo1s = gauges.latencyBucket(i);
            }
        }
        assertThat(below1s).isZero();
        assertThat(upTo1s).isEqualTo(1);
        assertThat(gauges.latencySumSeconds()).isEqualTo(1.0);
    }
}
