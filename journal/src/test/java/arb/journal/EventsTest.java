package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.ClockTickDecoder;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.FillDecoder;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.IndexValueDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.NoOpDecoder;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.RunParamsDecoder;
import arb.sbe.RunStartDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.SignalDecoder;
import arb.sbe.TradeDecoder;
import org.junit.jupiter.api.Test;

/** The shared field offsets in {@link Events} hold for every message of the schema. */
class EventsTest
{
    @Test
    void everyMessageStartsWithRecvNsAtTheSharedOffset()
    {
        final List<Integer> offsets = List.of(
            BestBidOfferDecoder.recvNsEncodingOffset(), BookSnapshotDecoder.recvNsEncodingOffset(),
            BookUpdateDecoder.recvNsEncodingOffset(), ClockTickDecoder.recvNsEncodingOffset(),
            FeedStatusDecoder.recvNsEncodingOffset(), FillDecoder.recvNsEncodingOffset(),
            IndexRelayDecoder.recvNsEncodingOffset(), IndexValueDecoder.recvNsEncodingOffset(),
            KalshiBookDecoder.recvNsEncodingOffset(), KalshiMarketDecoder.recvNsEncodingOffset(),
            MarketNoticeDecoder.recvNsEncodingOffset(), NoOpDecoder.recvNsEncodingOffset(),
            OrderDecoder.recvNsEncodingOffset(), OrderDoneDecoder.recvNsEncodingOffset(),
            PositionMarkDecoder.recvNsEncodingOffset(), RunParamsDecoder.recvNsEncodingOffset(),
            RunStartDecoder.recvNsEncodingOffset(), SettlementDecoder.recvNsEncodingOffset(),
            SettlementEstimateDecoder.recvNsEncodingOffset(), SignalDecoder.recvNsEncodingOffset(),
            TradeDecoder.recvNsEncodingOffset());
        assertThat(offsets).allMatch(o -> o + Events.HEADER_LENGTH == Events.RECV_NS_OFFSET);
    }

    @Test
    void everyMarketDataMessageHasVenueNsAtTheSharedOffset()
    {
        assertThat(List.of(BestBidOfferDecoder.venueNsEncodingOffset(), BookSnapshotDecoder.venueNsEncodingOffset(),
            BookUpdateDecoder.venueNsEncodingOffset(), TradeDecoder.venueNsEncodingOffset()))
            .allMatch(o -> o + Events.HEADER_LENGTH == Events.VENUE_NS_OFFSET);
    }
}
