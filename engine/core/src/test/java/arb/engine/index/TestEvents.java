package arb.engine.index;

import java.util.ArrayList;
import java.util.List;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.ClockTickEncoder;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusEncoder;
import arb.sbe.IndexRelayEncoder;
import arb.sbe.IndexValueDecoder;
import arb.sbe.KalshiMarketEncoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.PriceStructure;
import arb.sbe.Quote;
import arb.sbe.Series;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.StrikeType;
import arb.sbe.TradeEncoder;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Encodes input events for stage tests into one reusable buffer, and captures output events. */
final class TestEvents
{
    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final FeedStatusEncoder feed = new FeedStatusEncoder();
    private final KalshiMarketEncoder market = new KalshiMarketEncoder();
    private final IndexRelayEncoder relay = new IndexRelayEncoder();

    DirectBuffer trade(final long recvNs, final int venue, final long price)
    {
        trade.wrapAndApplyHeader(buffer, 0, header).recvNs(recvNs).venueNs(Scales.NULL).venue(Venue.get((short)venue))
            .quote(Quote.USD).aggressor(Aggressor.BUY).price(price).size(Scales.QTY / 100).tradeId(Scales.NULL);
        return buffer;
    }

    DirectBuffer tick(final long recvNs)
    {
        tick.wrapAndApplyHeader(buffer, 0, header).recvNs(recvNs).scheduledNs(recvNs);
        return buffer;
    }

    DirectBuffer feed(final long recvNs, final int venue, final FeedState state)
    {
        feed.wrapAndApplyHeader(buffer, 0, header).recvNs(recvNs).venue(Venue.get((short)venue)).state(state)
            .reason(FeedReason.OTHER).detail("");
        return buffer;
    }

    DirectBuffer market(final long recvNs, final String ticker, final StrikeType type, final long closeNs,
        final long floor, final MarketResult result, final long expiration)
    {
        market.wrapAndApplyHeader(buffer, 0, header).recvNs(recvNs).venueNs(Scales.NULL).source(DataSource.REST)
            .series(Series.KXBTC15M).status(result == MarketResult.NONE ? KalshiStatus.ACTIVE : KalshiStatus.FINALIZED)
            .strikeType(type).result(result).priceStructure(PriceStructure.TAPERED_DECI_CENT)
            .openTimeNs(closeNs - 900_000_000_000L).closeTimeNs(closeNs).floorStrike(floor).capStrike(Scales.NULL)
            .yesBid(Scales.NULL).yesAsk(Scales.NULL).noBid(Scales.NULL).noAsk(Scales.NULL).yesBidSize(Scales.NULL)
            .yesAskSize(Scales.NULL).lastPrice(Scales.NULL).volume(Scales.NULL).openInterest(Scales.NULL)
            .expirationValue(expiration).ticker(ticker);
        return buffer;
    }

    DirectBuffer relay(final long recvNs, final long officialTimeNs, final long value)
    {
        relay.wrapAndApplyHeader(buffer, 0, header).recvNs(recvNs).venueNs(officialTimeNs).value(value).avg60(Scales.NULL);
        return buffer;
    }

    /** Keeps a copy of every output event. */
    static final class Capture implements EventSink
    {
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final List<byte[]> events = new ArrayList<>();

        @Override
        public MutableDirectBuffer claim()
        {
            return slot;
        }

        @Override
        public void publish(final int length)
        {
            final byte[] copy = new byte[length];
            slot.getBytes(0, copy);
            events.add(copy);
        }

        List<IndexValueDecoder> indexValues()
        {
            final List<IndexValueDecoder> out = new ArrayList<>();
            for (final byte[] e : events)
            {
                final UnsafeBuffer b = new UnsafeBuffer(e);
                if (Events.templateId(b, 0) == IndexValueDecoder.TEMPLATE_ID)
                {
                    out.add(new IndexValueDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
                }
            }
            return out;
        }

        List<SettlementEstimateDecoder> estimates()
        {
            final List<SettlementEstimateDecoder> out = new ArrayList<>();
            for (final byte[] e : events)
            {
                final UnsafeBuffer b = new UnsafeBuffer(e);
                if (Events.templateId(b, 0) == SettlementEstimateDecoder.TEMPLATE_ID)
                {
                    out.add(new SettlementEstimateDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
                }
            }
            return out;
        }
    }
}
