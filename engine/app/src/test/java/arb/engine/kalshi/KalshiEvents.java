package arb.engine.kalshi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import arb.engine.chain.InputEvent;
import arb.feeds.kalshi.KalshiEventPublisher;
import arb.feeds.kalshi.KalshiLevels;
import arb.feeds.kalshi.KalshiMarketFields;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.ClockTickEncoder;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds Kalshi input events for engine tests with the feed's own publisher (so they are encoded
 * exactly as live ones), one at a time into a reusable slot, and hands each to a consumer as an
 * {@link InputEvent}.
 */
final class KalshiEvents implements EventSink
{
    interface Consumer
    {
        void accept(InputEvent event);
    }

    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final InputEvent view = new InputEvent();
    private final KalshiEventPublisher publisher;
    private final KalshiMarketFields fields = new KalshiMarketFields();
    private final KalshiLevels levels = new KalshiLevels(1024);
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Consumer consumer;
    private long sequence;

    KalshiEvents(final Consumer consumer)
    {
        this(consumer, Events.MAX_LEVELS);
    }

    KalshiEvents(final Consumer consumer, final int maxLevelsPerEvent)
    {
        this.consumer = consumer;
        this.publisher = new KalshiEventPublisher(this, maxLevelsPerEvent);
    }

    static long ns(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static long kprice(final String dollars)
    {
        return Math.round(Double.parseDouble(dollars) * Scales.KPRICE);
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return slot;
    }

    @Override
    public void publish(final int length)
    {
        view.wrap(slot, length, sequence++);
        consumer.accept(view);
    }

    /** Starts a market state; set fields then call {@link #market(long, DataSource)}. */
    KalshiMarketFields state(final String ticker, final long closeNs)
    {
        fields.reset();
        final byte[] t = ticker.getBytes(StandardCharsets.US_ASCII);
        fields.setTicker(t, t.length);
        fields.closeTimeNs(closeNs);
        fields.openTimeNs(closeNs - 15 * 60_000_000_000L);
        fields.series(ticker.startsWith("KXBTCD") ? Series.KXBTCD : Series.KXBTC15M);
        return fields;
    }

    void market(final long recvNs, final DataSource source)
    {
        publisher.market(recvNs, source, fields);
    }

    /** An active KXBTC15M-like market quoting {@code yesBid}/{@code yesAsk} (dollars). */
    void quote(final long recvNs, final String ticker, final long closeNs, final String yesBid, final String yesAsk)
    {
        final KalshiMarketFields f = state(ticker, closeNs);
        f.status(KalshiStatus.ACTIVE);
        f.strikeType(StrikeType.GREATER_OR_EQUAL);
        f.priceStructure(PriceStructure.TAPERED_DECI_CENT);
        f.floorStrike(78_900_00000000L);
        f.yesBid(kprice(yesBid));
        f.yesAsk(kprice(yesAsk));
        f.noBid(Scales.KPRICE - f.yesAsk());
        f.noAsk(Scales.KPRICE - f.yesBid());
        market(recvNs, DataSource.REST);
    }

    void settled(final long recvNs, final String ticker, final long closeNs, final MarketResult result, final long value)
    {
        final KalshiMarketFields f = state(ticker, closeNs);
        f.status(KalshiStatus.DETERMINED);
        f.result(result);
        f.expirationValue(value);
        market(recvNs, DataSource.REST);
    }

    /**
     * A book: {@code levels} alternates side ('Y' or 'N'), price and quantity in dollars/contracts,
     * e.g. {@code "Y 0.42 13", "N 0.56 17"}.
     */
    void book(
        final long recvNs, final DataSource source, final BookKind kind, final long seq, final String ticker,
        final long closeNs, final String... levelSpecs)
    {
        levels.clear();
        for (final String spec : levelSpecs)
        {
            final String[] p = spec.split(" ");
            levels.add(p[0].equals("Y") ? KalshiLevels.YES : KalshiLevels.NO, kprice(p[1]),
                Math.round(Double.parseDouble(p[2]) * Scales.KQTY));
        }
        final byte[] t = new byte[KalshiMarketFields.TICKER_CAPACITY];
        System.arraycopy(ticker.getBytes(StandardCharsets.US_ASCII), 0, t, 0, ticker.length());
        publisher.book(recvNs, Scales.NULL, source, kind, seq, closeNs, t, levels);
    }

    void tick(final long nowNs)
    {
        tick.wrapAndApplyHeader(slot, 0, header).recvNs(nowNs).scheduledNs(nowNs);
        publish(MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
    }

    void status(final long recvNs, final FeedState state, final FeedReason reason)
    {
        publisher.feedStatus(recvNs, state, reason, "test");
    }

    /** A status with the feed's own detail text, e.g. {@code "rest: GET /markets -> HTTP 503"}. */
    void status(final long recvNs, final FeedState state, final FeedReason reason, final String detail)
    {
        publisher.feedStatus(recvNs, state, reason, detail);
    }
}
