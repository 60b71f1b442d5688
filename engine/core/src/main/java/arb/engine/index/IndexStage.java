package arb.engine.index;

import arb.engine.book.BookStage;
import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.model.IndexHistory;
import arb.market.book.PriceLevelBook;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.ClockTickDecoder;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueEncoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Quote;
import arb.sbe.SettlementEstimateEncoder;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The index part of the consumer chain: keeps the calculation clock in event time, runs the CF RTI
 * calculator every 200 ms and both index methods at every whole second, records the per-second
 * prints, publishes IndexValue events (one per method per second) and SettlementEstimate events
 * (at each tracked window's close and once Kalshi's result is known), and tracks per-second error
 * against Kalshi's relay of the official index.
 *
 * <p>Place it in the chain BEFORE the stage that applies book events ({@link BookStage}): for each
 * input event it first runs every calculation due strictly before the event's recvNs, against the
 * books as they stand, so a calculation at T sees exactly the events received up to T; a clock
 * tick then runs the calculations due at or before its own recvNs. Nothing else it does depends on
 * the event's book changes. Output events carry the recvNs of the input event that triggered them,
 * so every output refers to a journaled input. Used outside the chain (tests, tools), call
 * {@link #advanceTo(long)} before applying an event's book changes and
 * {@link #onEvent(DirectBuffer, int)} after.
 */
public final class IndexStage implements Stage, IndexView, SettlementEstimator.Listener
{
    /** The spot venues the index can use (whether it does is index.cfrti.venues); Gemini is Venue 7. */
    private static final Venue[] SPOT_VENUES = {Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI};

    private static final long SECOND_NS = 1_000_000_000L;
    /** Method slots in the series / estimator arrays. */
    public static final int WEIGHTED_LAST = 0;
    public static final int CF_RTI = 1;

    private final BrtiCalculator cfRti;
    private final WeightedLastIndex weightedLast;
    private final IndexHistory[] series = new IndexHistory[2];
    private final RelayErrorTracker[] relayErrors = new RelayErrorTracker[2];
    private final SettlementEstimator settlement;
    private final EventSink output;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BookSnapshotDecoder snapshot = new BookSnapshotDecoder();
    private final BookUpdateDecoder update = new BookUpdateDecoder();
    private final FeedStatusDecoder feedStatus = new FeedStatusDecoder();
    private final ClockTickDecoder tick = new ClockTickDecoder();
    private final KalshiMarketDecoder market = new KalshiMarketDecoder();
    private final IndexRelayDecoder relay = new IndexRelayDecoder();
    private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
    private final IndexValueEncoder indexValue = new IndexValueEncoder();
    private final SettlementEstimateEncoder estimateOut = new SettlementEstimateEncoder();
    private final byte[] ticker = new byte[SettlementReport.TICKER_LENGTH];

    private final arb.engine.chain.EventTimeGrid schedule;
    private long triggerNs;
    private long calculations;
    private final long[] lastPrint = {Scales.NULL, Scales.NULL};
    private long lastPrintSecondNs = Long.MIN_VALUE;
    private int tradedMethod = WEIGHTED_LAST;
    /** Read by the trading desk on the chain thread, through {@link IndexView}: a plain field. */
    private long tradedValue = Scales.NULL;
    /**
     * A copy of {@link #tradedValue} published for readers on other threads (the live status line,
     * the Kalshi poller's strike choice); nothing on the chain thread reads it.
     */
    private volatile long publishedValue = Scales.NULL;

    public IndexStage(final BrtiSettings brti, final WeightedLastSettings weighted, final IndexStageSettings params,
        final EventSink output)
    {
        this.cfRti = new BrtiCalculator(brti);
        this.weightedLast = new WeightedLastIndex(weighted);
        this.output = output;
        this.schedule = new arb.engine.chain.EventTimeGrid(brti.calcIntervalNs(), params.maxCatchUpNs());
        for (int m = 0; m < 2; m++)
        {
            series[m] = new IndexHistory(params.seriesSeconds());
            relayErrors[m] = new RelayErrorTracker(series[m]);
        }
        this.settlement = new SettlementEstimator(params,
            new IndexMethod[] {IndexMethod.WEIGHTED_LAST, IndexMethod.CF_RTI}, series, this);
    }

    /**
     * The stage as the engine builds it: parameters from the run's logic parameters
     * ({@code index.cfrti.*}, {@code index.weightedLast.*}, {@code index.settlement.*},
     * {@code index.maxCatchUpMs}), the four spot venues' books from {@code books} (whose validity
     * flag keeps half-built and resyncing books out), outputs to {@code out}.
     */
    public static IndexStage create(final Params params, final BookStage books, final OutputJournal out)
    {
        final int traded = methodSlot(params.get("index.method"));
        final IndexStage index = new IndexStage(BrtiSettings.from(params), WeightedLastSettings.from(params),
            IndexStageSettings.from(params), new EventSink()
        {
            @Override
            public org.agrona.MutableDirectBuffer claim()
            {
                return out.buffer();
            }

            @Override
            public void publish(final int length)
            {
                out.append(length);
            }
        });
        for (final Venue venue : SPOT_VENUES)
        {
            index.addSpotVenue(venue.value(), books.book(venue.value()), books.isUsdt(venue.value()));
        }
        index.cfRti.bookValidity(books::isValid);
        index.tradeOn(traded);
        return index;
    }

    /** The method slot for an {@code index.method} value: {@code weighted-last} or {@code cf-rti}. */
    public static int methodSlot(final String method)
    {
        switch (method.trim())
        {
            case "weighted-last": return WEIGHTED_LAST;
            case "cf-rti": return CF_RTI;
            default: throw new IllegalArgumentException("index.method must be weighted-last or cf-rti, got '" + method + "'");
        }
    }

    /** Which method {@link #value()} reports ({@link #WEIGHTED_LAST} or {@link #CF_RTI}). */
    public void tradeOn(final int methodSlot)
    {
        if (methodSlot != WEIGHTED_LAST && methodSlot != CF_RTI)
        {
            throw new IllegalArgumentException("method slot " + methodSlot);
        }
        tradedMethod = methodSlot;
        tradedValue = lastPrint[methodSlot];
        publishedValue = tradedValue;
    }

    /**
     * The latest per-second print of the method the strategies trade on ({@code index.method}), 1e-8
     * USD in whole cents, or NULL for a second without a value.
     */
    @Override
    public long value()
    {
        return tradedValue;
    }

    /**
     * {@link #value()} as published for readers on other threads (the live status line, the Kalshi
     * poller): the same value, safely readable off the chain thread.
     */
    public long publishedValue()
    {
        return publishedValue;
    }

    /** The second {@link #value()} is for, or Long.MIN_VALUE before the first print. */
    @Override
    public long valueSecondNs()
    {
        return lastPrintSecondNs;
    }

    @Override
    public String name()
    {
        return "index";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        onEvent(event.buffer(), 0);
    }

    /** Registers a venue's book with the CF RTI calculator (configuration time). */
    public void addSpotVenue(final int venueId, final PriceLevelBook book, final boolean usdtQuoted)
    {
        cfRti.addVenue(venueId, book, usdtQuoted);
    }

    /**
     * Runs every calculation due strictly before {@code recvNs}. Call before applying the event's
     * book changes. After a jump in event time longer than {@code maxCatchUp}, calculations resume
     * {@code maxCatchUp} before the event; the skipped ones are counted.
     */
    public void advanceTo(final long recvNs)
    {
        runDue(recvNs, false);
    }

    /** Dispatches the event types the index needs; calls {@link #advanceTo} first (idempotent). */
    public void onEvent(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int template = header.templateId();
        if (!Events.isInput(template))
        {
            return;
        }
        final long recvNs = Events.recvNs(buffer, offset);
        runDue(recvNs, false);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (template)
        {
            case TradeDecoder.TEMPLATE_ID:
                trade.wrap(buffer, body, blockLength, version);
                onTrade(trade.venue().value(), trade.quote() == Quote.USDT, trade.price(), recvNs);
                break;
            case BookSnapshotDecoder.TEMPLATE_ID:
                snapshot.wrap(buffer, body, blockLength, version);
                cfRti.usdtQuoted(snapshot.venue().value(), snapshot.quote() == Quote.USDT);
                break;
            case BookUpdateDecoder.TEMPLATE_ID:
                update.wrap(buffer, body, blockLength, version);
                cfRti.usdtQuoted(update.venue().value(), update.quote() == Quote.USDT);
                break;
            case FeedStatusDecoder.TEMPLATE_ID:
                feedStatus.wrap(buffer, body, blockLength, version);
                onFeedState(feedStatus.venue().value(), feedStatus.state());
                break;
            case ClockTickDecoder.TEMPLATE_ID:
                runDue(recvNs, true);
                break;
            case KalshiMarketDecoder.TEMPLATE_ID:
                market.wrap(buffer, body, blockLength, version);
                onKalshiMarket(market);
                break;
            case IndexRelayDecoder.TEMPLATE_ID:
                relay.wrap(buffer, body, blockLength, version);
                onIndexRelay(relay.venueNs(), relay.value());
                break;
            default:
                break;
        }
    }

    /** A spot trade (for the weighted-last proxy). */
    public void onTrade(final int venueId, final boolean usdtQuoted, final long price, final long recvNs)
    {
        weightedLast.onTrade(venueId, usdtQuoted, price, recvNs);
    }

    /** A feed's state: only LIVE books may enter the CF RTI calculation. */
    public void onFeedState(final int venueId, final FeedState state)
    {
        cfRti.feedUsable(venueId, state == FeedState.LIVE);
    }

    public void onKalshiMarket(final KalshiMarketDecoder m)
    {
        m.getTicker(ticker, 0);
        settlement.onMarket(m.recvNs(), ticker, m.strikeType(), m.closeTimeNs(), m.floorStrike(), m.capStrike(),
            m.result(), m.expirationValue());
    }

    /** Kalshi's relay of the official index: its own timestamp and value. */
    public void onIndexRelay(final long officialTimeNs, final long officialValue)
    {
        relayErrors[WEIGHTED_LAST].onRelay(officialTimeNs, officialValue);
        relayErrors[CF_RTI].onRelay(officialTimeNs, officialValue);
    }

    private void runDue(final long recvNs, final boolean inclusive)
    {
        if (!schedule.started())
        {
            // The first calculation is the first boundary after the first event: earlier ones
            // would see empty books.
            schedule.start(recvNs);
            return;
        }
        // A jump ahead longer than maxCatchUp (or a garbage timestamp) resumes maxCatchUp before the
        // event instead of calculating every step between.
        schedule.skipLongJump(recvNs);
        triggerNs = recvNs;
        while (schedule.due(recvNs, inclusive))
        {
            // Advance first: a calculation that throws (a corrupt book) is skipped, not retried on
            // every following event.
            calculate(schedule.take());
        }
    }

    private void calculate(final long calcNs)
    {
        calculations++;
        if (calcNs % SECOND_NS != 0)
        {
            // Between whole seconds nothing is printed: only the venue screening, whose erroneous-
            // venue hysteresis is the one state a calculation hands to the next (BrtiCalculator#screen).
            cfRti.screen(calcNs);
            return;
        }
        cfRti.calculate(calcNs);
        weightedLast.calculate(calcNs);
        lastPrint[WEIGHTED_LAST] = weightedLast.valueCents();
        lastPrint[CF_RTI] = cfRti.valueCents();
        tradedValue = lastPrint[tradedMethod];
        publishedValue = tradedValue;
        lastPrintSecondNs = calcNs;
        series[WEIGHTED_LAST].record(calcNs, weightedLast.valueCents());
        series[CF_RTI].record(calcNs, cfRti.valueCents());
        publishIndexValue(calcNs, IndexMethod.WEIGHTED_LAST, weightedLast.valueCents(),
            weightedLast.venuesUsed(), weightedLast.venuesExcluded(), Scales.NULL);
        publishIndexValue(calcNs, IndexMethod.CF_RTI, cfRti.valueCents(),
            cfRti.venuesUsed(), cfRti.venuesExcluded(), cfRti.utilizedDepth());
        settlement.onSecond(calcNs, triggerNs);
    }

    private void publishIndexValue(final long secondNs, final IndexMethod method, final long valueCents,
        final int used, final int excluded, final long utilizedDepth)
    {
        final MutableDirectBuffer buffer = output.claim();
        indexValue.wrapAndApplyHeader(buffer, 0, headerOut)
            .recvNs(triggerNs)
            .secondNs(secondNs)
            .method(method)
            .status(valueCents == Scales.NULL ? IndexStatus.NO_VALUE : IndexStatus.OK)
            .value(valueCents)
            .venuesUsed((short)used)
            .venuesExcluded((short)excluded)
            .utilizedDepth(utilizedDepth);
        output.publish(MessageHeaderEncoder.ENCODED_LENGTH + indexValue.encodedLength());
    }

    @Override
    public void onReport(final SettlementReport r)
    {
        final MutableDirectBuffer buffer = output.claim();
        estimateOut.wrapAndApplyHeader(buffer, 0, headerOut)
            .recvNs(r.recvNs())
            .method(r.method())
            .closeTimeNs(r.closeTimeNs())
            .estimate(r.estimate())
            .samples(r.samples())
            .strike(r.strike())
            .predicted(r.predicted())
            .official(r.official())
            .officialResult(r.officialResult())
            .estimateError(r.estimateError())
            .putTicker(r.tickerBytes(), 0);
        output.publish(MessageHeaderEncoder.ENCODED_LENGTH + estimateOut.encodedLength());
    }

    /** The CF RTI calculator (its last 200 ms calculation: value, exclusions, depth, cap). */
    public BrtiCalculator cfRti()
    {
        return cfRti;
    }

    /** The weighted-last proxy (its last whole-second calculation). */
    public WeightedLastIndex weightedLast()
    {
        return weightedLast;
    }

    /** The last per-second print of a method ({@link #WEIGHTED_LAST} or {@link #CF_RTI}), cents at 1e-8, or NULL. */
    public long lastPrint(final int methodSlot)
    {
        return lastPrint[methodSlot];
    }

    /** The second the last prints are for. */
    public long lastPrintSecondNs()
    {
        return lastPrintSecondNs;
    }

    public IndexHistory series(final int methodSlot)
    {
        return series[methodSlot];
    }

    public RelayErrorTracker relayErrors(final int methodSlot)
    {
        return relayErrors[methodSlot];
    }

    public SettlementEstimator settlement()
    {
        return settlement;
    }

    /** Calculations run so far (every 200 ms of event time). */
    public long calculations()
    {
        return calculations;
    }

    /** Calculations skipped after jumps in event time longer than maxCatchUp. */
    public long skippedCalculations()
    {
        return schedule.skipped();
    }
}
