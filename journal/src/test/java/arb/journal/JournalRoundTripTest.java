package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest
{
    @TempDir
    Path dir;

    @Test
    void appendedBytesComeBackUnchangedAndDigestIsStable()
    {
        final byte[] slot = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(slot);
        final ClockTickEncoder tick = new ClockTickEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        try (JournalWriter writer = new JournalWriter(dir.resolve("a")))
        {
            for (int i = 0; i < 1000; i++)
            {
                tick.wrapAndApplyHeader(buffer, 0, header).recvNs(1_000L * i).scheduledNs(1_000L * i - 5);
                writer.append(slot, 0, Events.HEADER_LENGTH + tick.encodedLength());
            }
            assertThat(writer.count()).isEqualTo(1000);
        }
        final byte[] dst = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(dst);
        try (JournalReader reader = new JournalReader(dir.resolve("a")))
        {
            for (int i = 0; i < 1000; i++)
            {
                final int len = reader.next(dst);
                assertThat(len).isEqualTo(Events.HEADER_LENGTH + ClockTickEncoder.BLOCK_LENGTH);
                assertThat(Events.templateId(view, 0)).isEqualTo(ClockTickEncoder.TEMPLATE_ID);
                assertThat(Events.recvNs(view, 0)).isEqualTo(1_000L * i);
            }
            assertThat(reader.next(dst)).isEqualTo(-1);
        }
        final JournalDigest.Result d1 = JournalDigest.of(dir.resolve("a"));
        final JournalDigest.Result d2 = JournalDigest.of(dir.resolve("a"));
        assertThat(d1).isEqualTo(d2);
        assertThat(d1.events()).isEqualTo(1000);
    }

    @Test
    void dumperRendersFixedPointAndEnums()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final arb.sbe.TradeEncoder trade = new arb.sbe.TradeEncoder();
        trade.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .recvNs(123).venueNs(Scales.NULL).venue(arb.sbe.Venue.KRAKEN).quote(arb.sbe.Quote.USD)
            .aggressor(arb.sbe.Aggressor.SELL).price(6_508_617_000_000L).size(50_000_000L).tradeId(42);
        final String json = new EventDumper().toJson(buffer, 0, Events.HEADER_LENGTH + trade.encodedLength());
        assertThat(json).isEqualTo("{\"type\":\"Trade\",\"recv_ns\":123,\"venue_ns\":null,\"venue\":\"KRAKEN\","
            + "\"quote\":\"USD\",\"aggressor\":\"SELL\",\"price\":\"65086.17000000\",\"size\":\"0.50000000\","
            + "\"trade_id\":42}");
    }
}
