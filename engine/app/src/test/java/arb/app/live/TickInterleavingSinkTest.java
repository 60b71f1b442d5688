package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.ClockTickDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.TradeEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Import's clock ticks: every 200 ms of receive time before each event, and no hang on garbage times. */
class TickInterleavingSinkTest
{
    private static final long MS = 1_000_000L;
    private static final long T = 1_772_460_000_000_000_000L;

    private final List<Long> ticks = new ArrayList<>();
    private long events;
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final EventSink target = new EventSink()
    {
        @Override
        public MutableDirectBuffer claim()
        {
            return slot;
        }

        @Override
        public void publish(final int length)
        {
            if (Events.templateId(slot, 0) == ClockTickDecoder.TEMPLATE_ID)
            {
                ticks.add(Events.recvNs(slot, 0));
            }
            else
            {
                events++;
            }
        }
    };
    private final TickInterleavingSink sink = new TickInterleavingSink(target, 200);

    private void trade(final long recvNs)
    {
        new TradeEncoder().wrapAndApplyHeader(sink.claim(), 0, new MessageHeaderEncoder()).recvNs(recvNs);
        sink.publish(Events.HEADER_LENGTH + TradeEncoder.BLOCK_LENGTH);
    }

    @Test
    void ticksPrecedeEachEventEvery200MsOfReceiveTime()
    {
        trade(T + 50 * MS);
        trade(T + 650 * MS);
        assertThat(ticks).containsExactly(T + 200 * MS, T + 400 * MS, T + 600 * MS);
        trade(T + 600 * MS); // time went back a little: no tick
        assertThat(ticks).hasSize(3);
        assertThat(events).isEqualTo(3);
        assertThat(sink.skippedTicks()).isZero();
    }

    @Test
    void aGarbageTimestampNeitherHangsNorPublishesBillionsOfTicks()
    {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        {
            trade(T);
            trade(T + 3_600_000 * MS); // an hour's pause is real: filled
            assertThat(ticks).hasSize(18_000);
            trade(T + 100L * 365 * 86_400_000 * MS); // a century ahead: a day of ticks, the rest skipped
            final long perDay = TickInterleavingSink.MAX_GAP_NS / (200 * MS);
            assertThat(ticks).hasSize(18_000 + (int)perDay);
            assertThat(sink.skippedTicks()).isGreaterThan(100L * 365 * 86_400 * 5 - 2 * perDay);
            trade(Long.MAX_VALUE); // the end of the range: no overflow into the past
            assertThat(ticks.get(ticks.size() - 1)).isLessThanOrEqualTo(Long.MAX_VALUE).isPositive();
            final int size = ticks.size();
            trade(Long.MAX_VALUE);
            trade(T);
            assertThat(ticks).hasSize(size);
            assertThat(events).isEqualTo(6);
        });
    }
}
