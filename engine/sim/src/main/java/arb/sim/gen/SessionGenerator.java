package arb.sim.gen;

import arb.journal.BookPartsWriter;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.market.book.PriceLevelBook;
import arb.sbe.Aggressor;
import arb.sbe.BestBidOfferEncoder;
import arb.sbe.BookKind;
import arb.sbe.ClockTickEncoder;
import arb.sbe.ContractSide;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusEncoder;
import arb.sbe.FeeType;
import arb.sbe.IndexRelayEncoder;
import arb.sbe.KalshiBookEncoder;
import arb.sbe.KalshiMarketEncoder;
import arb.sbe.KalshiSeriesEncoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.PriceStructure;
import arb.sbe.Quote;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import arb.sbe.TradeEncoder;
import arb.sbe.Venue;
import arb.sim.market.KalshiMarketView;
import arb.sim.market.LevelChanges;
import arb.sim.market.MarketListener;
import arb.sim.market.MarketModel;
import arb.sim.market.MarketModelConfig;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a realistic synthetic session as input events: the four venues' (five with Gemini) initial snapshots, then
 * book changes (Bitstamp as full top-100 snapshots, as it really sends them), trades and BBOs at
 * realistic rates, Kalshi 15-minute market states and order books consistent with the price path
 * (and, when the config asks, KXBTCD hourly events with their strike markets),
 * feed status, each written series' fee schedule (a KalshiSeries event at the start: quadratic, multiplier
 * 1 unless set), and clock ticks every 200 ms - all from {@link MarketModel}. Same seed, start and
 * duration: same events, byte for byte.
 */
public final class SessionGenerator implements MarketListener
{
    public static final long TICK_NS = 200_000_000L;
    /** The timer fires a little after its scheduled time, as a real event loop does. */
    private static final long TICK_DELAY_NS = 50_000L;
    private static final Venue[] VENUES = {Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI};
    private static final int BITSTAMP = 2;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long WINDOW_NS = 900 * NS_PER_S;

    private final MarketModel model;
    private final EventSink sink;
    private final MarketModelConfig config;
    private final BookPartsWriter parts = new BookPartsWriter();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final FeedStatusEncoder status = new FeedStatusEncoder();
    private final KalshiMarketEncoder kalshiMarket = new KalshiMarketEncoder();
    private final KalshiBookEncoder kalshiBook = new KalshiBookEncoder();
    private final IndexRelayEncoder relayEncoder = new IndexRelayEncoder();
    private final KalshiSeriesEncoder seriesEncoder = new KalshiSeriesEncoder();
    private long feeMultiplier = Scales.RATIO;
    private final long[] relayMinute = new long[60];
    private int relaySamples;
    private boolean relay;
    private final long[] sequence = new long[VENUES.length];
    private boolean[] sides = new boolean[512];
    private long[] prices = new long[512];
    private long[] qtys = new long[512];
    private long nextTickNs;
    private long events;

    public SessionGenerator(final MarketModelConfig config, final long seed, final long startNs, final EventSink sink)
    {
        this.config = config;
        this.model = new MarketModel(config, seed, startNs);
        this.sink = sink;
        this.nextTickNs = (startNs / TICK_NS + 1) * TICK_NS;
        for (int v = 0; v < VENUES.length; v++)
        {
            sequence[v] = 1_000L * (v + 1);
        }
    }

    /**
     * Also publish Kalshi's relay of the official index ({@code cfbenchmarks_value}, an IndexRelay
     * event) at every whole second: the model's own latent price, as the simulator relays it, with
     * its trailing 60-second average and the average so far over the final minute of the current
     * 15-minute window. Draws nothing from the random sequence: every other event stays the same.
     */
    public SessionGenerator relay(final boolean on)
    {
        this.relay = on;
        return this;
    }

    /**
     * The {@code fee_multiplier} of the series' fee schedule written at the start (1e-9; default 1).
     * Draws nothing from the random sequence.
     */
    public SessionGenerator feeMultiplier(final long ratio)
    {
        if (ratio < 0)
        {
            throw new IllegalArgumentException("fee multiplier must be >= 0");
        }
        this.feeMultiplier = ratio;
        return this;
    }

    /**
     * Publishes feed-status LIVE and every venue's initial snapshot at {@code startNs}, then each
     * written series' fee schedule, as the live poller reads it at start.
     */
    public void begin(final long startNs)
    {
        for (int v = 0; v < config.venueCount(); v++)
        {
            publishStatus(startNs, VENUES[v], FeedState.CONNECTING, FeedReason.NONE, "synthetic session");
            publishStatus(startNs, VENUES[v], FeedState.LIVE, FeedReason.SUBSCRIBED, "synthetic session");
            publishSnapshot(v, startNs, startNs - config.feedLatencyMs(v) * 1_000_000L, model.book(v));
        }
        publishStatus(startNs, Venue.KALSHI, FeedState.LIVE, FeedReason.SUBSCRIBED, "synthetic session");
        if (config.fifteenMinute())
        {
            publishSeries(startNs, Series.KXBTC15M, "KXBTC15M");
        }
        if (config.hourly())
        {
            publishSeries(startNs, Series.KXBTCD, "KXBTCD");
        }
    }

    private void publishSeries(final long recvNs, final Series series, final String ticker)
    {
        final MutableDirectBuffer b = sink.claim();
        seriesEncoder.wrapAndApplyHeader(b, 0, header).recvNs(recvNs).source(DataSource.SYNTHETIC).series(series)
            .feeType(FeeType.QUADRATIC).feeMultiplier(feeMultiplier).seriesTicker(ticker);
        sink.publish(Events.HEADER_LENGTH + seriesEncoder.encodedLength());
        events++;
    }

    /** Runs the model until {@code endNs}, interleaving clock ticks; returns events published. */
    public long runUntil(final long endNs)
    {
        while (true)
        {
            final long next = model.nextEventNs();
            final long until = Math.min(next, endNs);
            // A tick is received TICK_DELAY_NS after its schedule: publish it in receive-time order.
            while (nextTickNs + TICK_DELAY_NS <= until)
            {
                publishTick(nextTickNs);
                nextTickNs += TICK_NS;
            }
            if (next > endNs)
            {
                return events;
            }
            model.step(this);
        }
    }

    public long events()
    {
        return events;
    }

    private void publishTick(final long scheduledNs)
    {
        final MutableDirectBuffer b = sink.claim();
        tick.wrapAndApplyHeader(b, 0, header).recvNs(scheduledNs + TICK_DELAY_NS).scheduledNs(scheduledNs);
        sink.publish(Events.HEADER_LENGTH + tick.encodedLength());
        events++;
        if (relay && scheduledNs % NS_PER_S == 0)
        {
            publishRelay(scheduledNs, scheduledNs + TICK_DELAY_NS);
        }
    }

    private void publishRelay(final long secondNs, final long recvNs)
    {
        final long second = secondNs / NS_PER_S;
        final long value = StrictMath.round(model.truePrice() * 100.0) * 1_000_000L;
        relayMinute[(int)(second % 60)] = value;
        relaySamples = Math.min(relaySamples + 1, 60);
        long sum = 0;
        for (int i = 0; i < relaySamples; i++)
        {
            sum += relayMinute[(int)((second - i) % 60)];
        }
        final long close = (secondNs - 1) / WINDOW_NS * WINDOW_NS + WINDOW_NS;
        final long intoFinalMinute = (secondNs - (close - 60 * NS_PER_S)) / NS_PER_S;
        long window = Scales.NULL;
        final int n = (int)Math.min(relaySamples, intoFinalMinute);
        if (intoFinalMinute > 0 && intoFinalMinute <= 60 && n > 0)
        {
            long w = 0;
            for (int i = 0; i < n; i++)
            {
                w += relayMinute[(int)((second - i) % 60)];
            }
            window = w / n;
        }
        final MutableDirectBuffer b = sink.claim();
        relayEncoder.wrapAndApplyHeader(b, 0, header).recvNs(recvNs).venueNs(secondNs).value(value)
            .avg60(sum / relaySamples).windowAvg15m(window);
        sink.publish(Events.HEADER_LENGTH + relayEncoder.encodedLength());
        events++;
    }

    private void publishStatus(final long now, final Venue venue, final FeedState state, final FeedReason reason,
        final String detail)
    {
        final MutableDirectBuffer b = sink.claim();
        status.wrapAndApplyHeader(b, 0, header).recvNs(now).venue(venue).state(state).reason(reason).detail(detail);
        sink.publish(Events.HEADER_LENGTH + status.encodedLength());
        events++;
    }

    private Quote quote(final int v)
    {
        return v == 3 && config.binanceUsdt() ? Quote.USDT : Quote.USD;
    }

    private void ensure(final int n)
    {
        if (sides.length < n)
        {
            sides = new boolean[n * 2];
            prices = new long[n * 2];
            qtys = new long[n * 2];
        }
    }

    private void publishSnapshot(final int v, final long recvNs, final long venueNs, final PriceLevelBook book)
    {
        final int n = book.bidDepth() + book.askDepth();
        ensure(n);
        int k = 0;
        for (int i = 0; i < book.bidDepth(); i++, k++)
        {
            sides[k] = true;
            prices[k] = book.price(true, i);
            qtys[k] = book.qty(true, i);
        }
        for (int i = 0; i < book.askDepth(); i++, k++)
        {
            sides[k] = false;
            prices[k] = book.price(false, i);
            qtys[k] = book.qty(false, i);
        }
        events += parts.publish(sink, true, recvNs, venueNs, VENUES[v], quote(v), ++sequence[v], k, sides, prices, qtys);
    }

    @Override
    public void onBookChanges(final int v, final long recvNs, final long venueNs, final LevelChanges changes,
        final PriceLevelBook book)
    {
        if (v == BITSTAMP)
        {
            publishSnapshot(v, recvNs, venueNs, book);
            return;
        }
        final int n = changes.count();
        if (n == 0)
        {
            return;
        }
        ensure(n);
        for (int i = 0; i < n; i++)
        {
            sides[i] = changes.isBid(i);
            prices[i] = changes.price(i);
            qtys[i] = changes.qty(i);
        }
        events += parts.publish(sink, false, recvNs, venueNs, VENUES[v], quote(v), ++sequence[v], n, sides, prices, qtys);
    }

    @Override
    public void onTrade(final int v, final long recvNs, final long venueNs, final boolean buyer, final long price,
        final long size, final long tradeId)
    {
        final MutableDirectBuffer b = sink.claim();
        trade.wrapAndApplyHeader(b, 0, header).recvNs(recvNs).venueNs(venueNs).venue(VENUES[v]).quote(quote(v))
            .aggressor(buyer ? Aggressor.BUY : Aggressor.SELL).price(price).size(size).tradeId(tradeId);
        sink.publish(Events.HEADER_LENGTH + trade.encodedLength());
        events++;
    }

    @Override
    public void onBestBidOffer(final int v, final long recvNs, final long venueNs, final PriceLevelBook book)
    {
        final MutableDirectBuffer b = sink.claim();
        bbo.wrapAndApplyHeader(b, 0, header).recvNs(recvNs).venueNs(venueNs).venue(VENUES[v]).quote(quote(v))
            .bidPrice(book.bestBid()).bidQty(book.bestBidQty()).askPrice(book.bestAsk()).askQty(book.bestAskQty());
        sink.publish(Events.HEADER_LENGTH + bbo.encodedLength());
        events++;
    }

    @Override
    public void onKalshiMarket(final long recvNs, final KalshiMarketView m)
    {
        final boolean hourly = m.series() == KalshiMarketView.SERIES_KXBTCD;
        MutableDirectBuffer b = sink.claim();
        kalshiMarket.wrapAndApplyHeader(b, 0, header)
            .recvNs(recvNs)
            .venueNs(Scales.NULL)
            .source(DataSource.SYNTHETIC)
            .series(hourly ? Series.KXBTCD : Series.KXBTC15M)
            .status(m.status() == KalshiMarketView.STATUS_ACTIVE ? KalshiStatus.ACTIVE
                : m.status() == KalshiMarketView.STATUS_CLOSED ? KalshiStatus.CLOSED : KalshiStatus.DETERMINED)
            .strikeType(hourly ? StrikeType.GREATER : StrikeType.GREATER_OR_EQUAL)
            .result(m.result() == KalshiMarketView.RESULT_YES ? MarketResult.YES
                : m.result() == KalshiMarketView.RESULT_NO ? MarketResult.NO : MarketResult.NONE)
            .priceStructure(PriceStructure.TAPERED_DECI_CENT)
            .openTimeNs(m.openNs())
            .closeTimeNs(m.closeNs())
            .floorStrike(m.strike())
            .capStrike(Scales.NULL)
            .yesBid(m.yesBid())
            .yesAsk(m.yesAsk())
            .noBid(m.noBid())
            .noAsk(m.noAsk())
            .yesBidSize(m.yesBid() == KalshiMarketView.NULL ? Scales.NULL : m.yesBidSize())
            .yesAskSize(m.yesAsk() == KalshiMarketView.NULL ? Scales.NULL : m.yesAskSize())
            .lastPrice(m.lastPrice())
            .volume(m.volume())
            .openInterest(Scales.NULL)
            .expirationValue(m.expirationValue())
            .ticker(m.ticker());
        sink.publish(Events.HEADER_LENGTH + kalshiMarket.encodedLength());
        events++;
        if (m.status() != KalshiMarketView.STATUS_ACTIVE)
        {
            return; // closed markets have no book worth polling
        }
        b = sink.claim();
        kalshiBook.wrapAndApplyHeader(b, 0, header)
            .recvNs(recvNs)
            .venueNs(Scales.NULL)
            .source(DataSource.SYNTHETIC)
            .kind(BookKind.SNAPSHOT)
            .seq(Scales.NULL)
            .closeTimeNs(m.closeNs())
            .ticker(m.ticker());
        kalshiBook.parts().clear().first(true).last(true);
        final KalshiBookEncoder.LevelsEncoder levels = kalshiBook.levelsCount(m.yesLevels() + m.noLevels());
        for (int i = 0; i < m.yesLevels(); i++)
        {
            levels.next().side(ContractSide.YES).price(m.yesBidPrice(i)).qty(m.yesBidQty(i));
        }
        for (int i = 0; i < m.noLevels(); i++)
        {
            levels.next().side(ContractSide.NO).price(m.noBidPrice(i)).qty(m.noBidQty(i));
        }
        sink.publish(Events.HEADER_LENGTH + kalshiBook.encodedLength());
        events++;
    }
}
