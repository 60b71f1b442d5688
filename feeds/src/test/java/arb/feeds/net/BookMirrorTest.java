package arb.feeds.net;

import arb.journal.BookPartsWriter;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookMirrorTest
{
    private final BookPartsWriter writer = new BookPartsWriter();

    /** A sink that hands every event to the mirror and counts completed snapshots. */
    private static final class MirrorSink implements EventSink
    {
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final BookMirror mirror;
        int rebuilt;
        boolean validDuringParts = false;

        MirrorSink(final BookMirror mirror)
        {
            this.mirror = mirror;
        }

        @Override
        public MutableDirectBuffer claim()
        {
            return slot;
        }

        @Override
        public void publish(final int length)
        {
            if (mirror.onEvent(slot, 0))
            {
                rebuilt++;
            }
            else if (mirror.valid() && rebuilt == 0)
            {
                validDuringParts = true;
            }
        }
    }

    private void publish(final EventSink sink, final boolean snapshot, final int n, final long bestBid, final long step,
        final long qty)
    {
        final boolean[] side = new boolean[2 * n];
        final long[] price = new long[2 * n];
        final long[] size = new long[2 * n];
        for (int i = 0; i < n; i++)
        {
            side[i] = true;
            price[i] = bestBid - i * step;
            size[i] = qty;
            side[n + i] = false;
            price[n + i] = bestBid + step + i * step;
            size[n + i] = qty;
        }
        writer.publish(sink, snapshot, 1, Scales.NULL, Venue.KRAKEN, Quote.USD, Scales.NULL, 2 * n, side, price, size);
    }

    @Test
    void aMultiPartSnapshotIsValidOnlyAfterItsLastPart()
    {
        final MirrorSink sink = new MirrorSink(new BookMirror(0));
        publish(sink, true, 500, 65_000_00000000L, 1_000_000L, 10_000_000L);
        assertThat(sink.rebuilt).isEqualTo(1);
        assertThat(sink.validDuringParts).isFalse();
        assertThat(sink.mirror.valid()).isTrue();
        assertThat(sink.mirror.book().bidDepth()).isEqualTo(500);
        assertThat(sink.mirror.book().bestBid()).isEqualTo(65_000_00000000L);
        assertThat(sink.mirror.book().bestAsk()).isEqualTo(65_000_01000000L);
        assertThat(sink.mirror.book().isCrossed()).isFalse();
    }

    @Test
    void updatesApplyAbsoluteQuantitiesAndTruncateToTheSubscribedDepth()
    {
        final MirrorSink sink = new MirrorSink(new BookMirror(10));
        publish(sink, true, 10, 100_00000000L, 1_00000000L, 5);
        // New better bids push the worst out of the top 10: Kraken sends no delete for them.
        final boolean[] side = {true, true, false};
        final long[] price = {100_50000000L, 100_25000000L, 101_00000000L};
        final long[] qty = {7, 8, 9};
        writer.publish(sink, false, 2, Scales.NULL, Venue.KRAKEN, Quote.USD, Scales.NULL, 3, side, price, qty);
        assertThat(sink.mirror.book().bidDepth()).isEqualTo(10);
        assertThat(sink.mirror.book().bestBid()).isEqualTo(100_50000000L);
        assertThat(sink.mirror.book().qtyAt(true, 91_00000000L)).isZero();
        assertThat(sink.mirror.book().qtyAt(true, 92_00000000L)).isZero();
        assertThat(sink.mirror.book().qtyAt(true, 93_00000000L)).isEqualTo(5);
        assertThat(sink.mirror.book().qtyAt(false, 101_00000000L)).isEqualTo(9);
        assertThat(sink.mirror.updates()).isEqualTo(1);
        // A second snapshot replaces everything.
        publish(sink, true, 3, 200_00000000L, 1_00000000L, 1);
        assertThat(sink.mirror.book().bidDepth()).isEqualTo(3);
        assertThat(sink.mirror.snapshots()).isEqualTo(2);
    }
}
