package arb.bench.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.sbe.ClockTickDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.TradeDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Shifting moves exactly the timestamps (fields named *_ns in the dump), by exactly the shift. */
class EventTimeShiftTest
{
    @TempDir
    static Path tmp;
    static EventLog log;

    @BeforeAll
    static void session()
    {
        log = EventLog.load(TestSessions.use(tmp));
    }

    @Test
    void knowsTheTimestampsOfTheInputEvents()
    {
        assertThat(EventTimeShift.timestampOffsets(TradeDecoder.TEMPLATE_ID))
            .containsExactly(TradeDecoder.recvNsEncodingOffset(), TradeDecoder.venueNsEncodingOffset());
        assertThat(EventTimeShift.timestampOffsets(ClockTickDecoder.TEMPLATE_ID))
            .containsExactly(ClockTickDecoder.recvNsEncodingOffset(), ClockTickDecoder.scheduledNsEncodingOffset());
        assertThat(EventTimeShift.timestampOffsets(KalshiMarketDecoder.TEMPLATE_ID)).contains(
            KalshiMarketDecoder.openTimeNsEncodingOffset(), KalshiMarketDecoder.closeTimeNsEncodingOffset());
        assertThat(EventTimeShift.timestampOffsets(KalshiBookDecoder.TEMPLATE_ID))
            .contains(KalshiBookDecoder.closeTimeNsEncodingOffset());
        assertThat(EventTimeShift.timestampOffsets(Events.NOOP_TEMPLATE)).isNull();
    }

    @Test
    void shiftsEveryTimestampOfEveryEventTypeAndNothingElse() throws Exception
    {
        final EventDumper dumper = new EventDumper();
        final ObjectMapper json = new ObjectMapper();
        final long shift = 3 * EventLog.PERIOD_NS;
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final TreeSet<String> typesSeen = new TreeSet<>();
        int nullsKept = 0;
        for (int i = 0; i < log.size(); i++)
        {
            final int length = log.copyTo(i, 0, slot);
            final JsonNode before = json.readTree(dumper.toJson(slot, 0, length));
            EventTimeShift.shift(slot, 0, shift);
            final JsonNode after = json.readTree(dumper.toJson(slot, 0, length));
            typesSeen.add(before.get("type").asText());
            for (final Map.Entry<String, JsonNode> field : before.properties())
            {
                final JsonNode moved = after.get(field.getKey());
                if (field.getKey().endsWith("_ns") && !field.getValue().isNull())
                {
                    assertThat(moved.asLong()).as("%s.%s", before.get("type"), field.getKey())
                        .isEqualTo(field.getValue().asLong() + shift);
                }
                else
                {
                    nullsKept += field.getValue().isNull() ? 1 : 0;
                    assertThat(moved).as("%s.%s", before.get("type"), field.getKey()).isEqualTo(field.getValue());
                }
            }
        }
        assertThat(typesSeen).contains("Trade", "BookSnapshot", "BookUpdate", "BestBidOffer", "KalshiMarket",
            "KalshiBook", "FeedStatus", "ClockTick", "RunStart");
        assertThat(nullsKept).as("absent venue timestamps stay absent").isPositive();
    }
}
