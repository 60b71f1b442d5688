package arb.engine.kalshi;

import static arb.engine.kalshi.KalshiEvents.ns;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.market.kalshi.KalshiCalendar;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class KalshiMarketsStageTest
{
    static final long SECOND = 1_000_000_000L;

    private final List<String> notices = new ArrayList<>();
    private final OutputJournal out = new OutputJournal(null);
    private final KalshiMarketsStage markets = new KalshiMarketsStage(Params.defaults(), out);
    private final KalshiEvents events = new KalshiEvents(markets::onEvent);

    KalshiMarketsStageTest()
    {
        out.addListener((buffer, length) ->
        {
            final MarketNoticeDecoder n = new MarketNoticeDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
            notices.add(n.kind() + " " + n.ticker() + " " + java.time.Instant.ofEpochSecond(0, n.closeTimeNs())
                + " open " + java.time.Instant.ofEpochSecond(0, n.openTimeNs()));
        });
    }

    /**
     * The original system's failure, 2026-02-02 17:15 UTC: the 17:15 market quoted 0.99 just before
     * its close, the 17:30 market 0.55 seconds later, and comparing the two looked like a -44% crash.
     */
    @Test
    void rolloverKeepsTheOldAndTheNewMarketApart()
    {
        final String oldTicker = "KXBTC15M-26FEB021215-15";
        final String newTicker = "KXBTC15M-26FEB021230-30";
        final long oldClose = ns("2026-02-02T17:15:00Z");
        final long newClose = ns("2026-02-02T17:30:00Z");
        assertThat(KalshiCalendar.KXBTC15M.marketTicker(oldClose)).isEqualTo(oldTicker);
        assertThat(KalshiCalendar.KXBTC15M.marketTicker(newClose)).isEqualTo(newTicker);

        events.tick(ns("2026-02-02T17:13:00Z"));
        events.quote(ns("2026-02-02T17:13:38Z"), oldTicker, oldClose, "0.96", "0.97");
        events.tick(ns("2026-02-02T17:14:00Z"));
        events.quote(ns("2026-02-02T17:14:38Z"), oldTicker, oldClose, "0.99", "1.00");
        events.tick(ns("2026-02-02T17:15:00Z"));
        // Kalshi keeps listing the closed market as open for a while, at its last price.
        events.quote(ns("2026-02-02T17:15:02Z"), oldTicker, oldClose, "0.99", "1.00");
        events.quote(ns("2026-02-02T17:15:06Z"), newTicker, newClose, "0.55", "0.70");
        events.book(ns("2026-02-02T17:15:07Z"), DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, newTicker, newClose,
            "Y 0.55 40", "N 0.30 25");
        events.tick(ns("2026-02-02T17:16:00Z"));
        events.quote(ns("2026-02-02T17:15:36Z"), newTicker, newClose, "0.28", "0.55");

        final KalshiInstrument oldMarket = markets.find(oldTicker, oldClose);
        final KalshiInstrument newMarket = markets.find(newTicker, newClose);
        assertThat(oldMarket).isNotSameAs(newMarket);
        assertThat(newMarket.yesBid()).isEqualTo(2800);
        assertThat(oldMarket.yesBid()).isEqualTo(9900);

        assertThat(oldMarket.isTradingAt(ns("2026-02-02T17:15:02Z"))).isFalse();
        assertThat(newMarket.isTradingAt(ns("2026-02-02T17:15:06Z"))).isTrue();

        assertThat(notices).containsExactly(
            "MARKET_OPEN KXBTC15M-26FEB021215-15 2026-02-02T17:15:00Z open 2026-02-02T17:00:00Z",
            "MARKET_CLOSE KXBTC15M-26FEB021215-15 2026-02-02T17:15:00Z open 2026-02-02T17:00:00Z",
            "MARKET_OPEN KXBTC15M-26FEB021230-30 2026-02-02T17:30:00Z open 2026-02-02T17:15:00Z");
    }

    @Test
    void theTwoWindowsThatShareATickerOnTheFallBackNightStayApart()
    {
        final String ticker = "KXBTC15M-26NOV010115-15";
        final long first = ns("2026-11-01T05:15:00Z");
        final long second = ns("2026-11-01T06:15:00Z");
        events.quote(ns("2026-11-01T05:10:00Z"), ticker, first, "0.80", "0.82");
        events.quote(ns("2026-11-01T06:10:00Z"), ticker, second, "0.40", "0.42");
        assertThat(markets.count()).isEqualTo(2);
        assertThat(markets.find(ticker, first).yesBid()).isEqualTo(8000);
        assertThat(markets.find(ticker, second).yesBid()).isEqualTo(4000);
    }

    @Test
    void aBrokenWebSocketStreamInvalidatesItsBooksAndRestTakesOver()
    {
        final String t = "KXBTC15M-26MAR101015-15";
        final long close = ns("2026-03-10T14:15:00Z");
        final long t0 = ns("2026-03-10T14:05:00Z");
        events.book(t0, DataSource.WS, BookKind.SNAPSHOT, 1, t, close, "Y 0.60 10", "N 0.38 10");
        final KalshiInstrument m = markets.find(t, close);
        assertThat(m.yesBid()).isEqualTo(6000);
        assertThat(m.yesAsk()).isEqualTo(6200);
        events.book(t0 + 1, DataSource.WS, BookKind.DELTA, 2, t, close, "Y 0.61 5");
        assertThat(m.yesBid()).isEqualTo(6100);

        events.status(t0 + 2, FeedState.RESYNCING, FeedReason.SEQUENCE_GAP);
        assertThat(m.book().isValid()).isFalse();
        events.book(t0 + 4, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, t, close, "Y 0.58 10", "N 0.40 10");
        assertThat(m.book().base()).isEqualTo(DataSource.REST);
        assertThat(m.yesBid()).isEqualTo(5800);
    }

    @Test
    void aBookForAMarketThatStatesNoStrikeGetsOneNoStrikeNotice()
    {
        final String t = "KXBTC15M-26MAR101015-15";
        final long close = ns("2026-03-10T14:15:00Z");
        final long t0 = ns("2026-03-10T14:05:00Z");
        events.book(t0, DataSource.WS, BookKind.SNAPSHOT, 1, t, close, "Y 0.60 10", "N 0.38 10");
        events.book(t0 + 1, DataSource.WS, BookKind.DELTA, 2, t, close, "Y 0.61 5");
        assertThat(notices).containsExactly("NO_STRIKE KXBTC15M-26MAR101015-15 2026-03-10T14:15:00Z open 2026-03-10T14:00:00Z");
        // once the listing states the strike the market is priced; no further notice
        events.quote(t0 + 2, t, close, "0.60", "0.62");
        events.book(t0 + 3, DataSource.WS, BookKind.DELTA, 3, t, close, "Y 0.62 5");
        assertThat(markets.find(t, close).floorStrike()).isNotEqualTo(Scales.NULL);
        assertThat(notices).hasSize(1);
    }

    @Test
    void resultNoticeOnceTheMarketReportsResultAndSettlementValue()
    {
        final String t = "KXBTC15M-26MAR101000-00";
        final long close = ns("2026-03-10T14:00:00Z");
        events.quote(ns("2026-03-10T13:59:00Z"), t, close, "0.97", "0.98");
        events.settled(ns("2026-03-10T14:00:05Z"), t, close, MarketResult.NONE, Scales.NULL);
        events.settled(ns("2026-03-10T14:00:09Z"), t, close, MarketResult.YES, 7_012_345_000_000L);
        events.settled(ns("2026-03-10T14:00:10Z"), t, close, MarketResult.YES, 7_012_345_000_000L);
        final KalshiInstrument m = markets.find(t, close);
        assertThat(m.hasOutcome()).isTrue();
        assertThat(m.expirationValue()).isEqualTo(7_012_345_000_000L);
        assertThat(m.floorStrike()).as("kept from earlier states").isEqualTo(78_900_00000000L);
        assertThat(notices).containsExactly(
            "MARKET_RESULT KXBTC15M-26MAR101000-00 2026-03-10T14:00:00Z open 2026-03-10T13:45:00Z");
    }

    @Test
    void clockTicksOpenAndCloseEveryFollowedSeriesOnItsOwnCalendar()
    {
        final KalshiMarketsStage both = new KalshiMarketsStage(Params.defaults().with("kalshi.series=KXBTC15M,KXBTCD"), out);
        final KalshiEvents ticks = new KalshiEvents(both::onEvent);
        ticks.tick(ns("2026-08-17T20:44:59Z"));
        ticks.tick(ns("2026-08-17T20:45:00Z"));
        ticks.tick(ns("2026-08-17T21:00:00Z"));
        assertThat(notices).containsExactly(
            "MARKET_OPEN KXBTC15M-26AUG171645-45 2026-08-17T20:45:00Z open 2026-08-17T20:30:00Z",
            "MARKET_OPEN KXBTCD-26AUG1717 2026-08-17T21:00:00Z open 2026-08-16T20:00:00Z",
            "MARKET_CLOSE KXBTC15M-26AUG171645-45 2026-08-17T20:45:00Z open 2026-08-17T20:30:00Z",
            "MARKET_OPEN KXBTC15M-26AUG171700-00 2026-08-17T21:00:00Z open 2026-08-17T20:45:00Z",
            "MARKET_CLOSE KXBTC15M-26AUG171700-00 2026-08-17T21:00:00Z open 2026-08-17T20:45:00Z",
            "MARKET_OPEN KXBTC15M-26AUG171715-15 2026-08-17T21:15:00Z open 2026-08-17T21:00:00Z",
            "MARKET_CLOSE KXBTCD-26AUG1717 2026-08-17T21:00:00Z open 2026-08-16T20:00:00Z",
            "MARKET_OPEN KXBTCD-26AUG1718 2026-08-17T22:00:00Z open 2026-08-17T21:00:00Z");
    }

    @Test
    void aMarketIsForgottenOnlyAnHourAfterItsCloseAndThePoolGrowsRatherThanDropALiveOne()
    {
        final KalshiMarketsStage small = new KalshiMarketsStage(new KalshiCalendar[0], 4, 3600 * SECOND, null);
        final KalshiEvents feed = new KalshiEvents(small::onEvent);
        final long base = ns("2026-03-10T14:15:00Z");
        final long early = base - 600 * SECOND;
        for (int i = 0; i < 4; i++)
        {
            feed.quote(early + i, KalshiCalendar.KXBTC15M.marketTicker(base + i * 900 * SECOND), base + i * 900 * SECOND,
                "0.50", "0.52");
        }
        final KalshiInstrument first = small.find(KalshiCalendar.KXBTC15M.marketTicker(base), base);
        assertThat(first.marketId()).isEqualTo(1);

        // An hour after the first market's close, it is the only one that may be forgotten.
        final long later = base + 3600 * SECOND + 1;
        feed.quote(later, KalshiCalendar.KXBTC15M.marketTicker(base + 4 * 900 * SECOND), base + 4 * 900 * SECOND, "0.5", "0.6");
        assertThat(small.evictions()).isEqualTo(1);
        assertThat(small.growths()).isZero();
        assertThat(small.find(KalshiCalendar.KXBTC15M.marketTicker(base), base)).isNull();
        assertThat(small.lastUpdated().marketId()).isEqualTo(5);
        assertThat(first.closeTimeNs()).as("the new market reuses the first's record").isEqualTo(base + 4 * 900 * SECOND);

        // Nothing else is old enough: the pool grows instead of dropping a market someone may hold.
        feed.quote(later + 1, KalshiCalendar.KXBTC15M.marketTicker(base + 5 * 900 * SECOND), base + 5 * 900 * SECOND,
            "0.5", "0.6");
        assertThat(small.growths()).isEqualTo(1);
        assertThat(small.count()).isEqualTo(5);
        for (int i = 1; i <= 5; i++)
        {
            assertThat(small.find(KalshiCalendar.KXBTC15M.marketTicker(base + i * 900 * SECOND), base + i * 900 * SECOND))
                .isNotNull();
        }
    }

    @Test
    void itsViewNamesTheMarketEachEventUpdated()
    {
        final String t = "KXBTC15M-26MAR101015-15";
        final long close = ns("2026-03-10T14:15:00Z");
        final long t0 = ns("2026-03-10T14:05:00Z");
        final List<String> seen = new ArrayList<>();
        final KalshiEvents small = new KalshiEvents(e ->
        {
            markets.onEvent(e);
            final KalshiMarketsView view = markets;
            final KalshiMarketState m = view.lastUpdated();
            seen.add(m == null ? "-" : ((KalshiInstrument)m).tickerText() + (view.lastReplacedBook() ? " replaced" : ""));
        }, 2);
        small.book(t0, DataSource.WS, BookKind.SNAPSHOT, 1, t, close, "Y 0.60 10", "Y 0.59 10", "N 0.38 10");
        small.book(t0 + 1, DataSource.WS, BookKind.DELTA, 2, t, close, "Y 0.61 5");
        small.book(t0 + 2, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, t, close, "Y 0.20 1");
        small.quote(t0 + 3, t, close, "0.61", "0.62");
        small.tick(t0 + 4);
        assertThat(seen).containsExactly("-", t + " replaced", t, "-", t, "-");
        assertThat(markets.find(t, close).book().bidQty(arb.sbe.ContractSide.YES, 0)).as("delta applied once").isEqualTo(500);
    }

    @Test
    void eventsAllocateNothingOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<byte[]> encoded = new ArrayList<>();
        final KalshiEvents capture = new KalshiEvents(e ->
        {
            final byte[] copy = new byte[e.length()];
            e.buffer().getBytes(0, copy);
            encoded.add(copy);
        });
        final String t = "KXBTC15M-26MAR101015-15";
        final long close = ns("2026-03-10T14:15:00Z");
        capture.quote(ns("2026-03-10T14:05:00Z"), t, close, "0.60", "0.62");
        capture.book(ns("2026-03-10T14:05:01Z"), DataSource.WS, BookKind.SNAPSHOT, 1, t, close, "Y 0.60 10", "N 0.38 10");
        capture.book(ns("2026-03-10T14:05:02Z"), DataSource.WS, BookKind.DELTA, 2, t, close, "Y 0.61 5");
        capture.book(ns("2026-03-10T14:05:03Z"), DataSource.WS, BookKind.DELTA, 3, t, close, "Y 0.61 -5");
        capture.tick(ns("2026-03-10T14:05:04Z"));
        capture.status(ns("2026-03-10T14:05:05Z"), FeedState.LIVE, FeedReason.RECOVERED);
        final InputEvent view = new InputEvent();
        final UnsafeBuffer[] buffers = encoded.stream().map(UnsafeBuffer::new).toArray(UnsafeBuffer[]::new);
        final Runnable round = () ->
        {
            for (int i = 0; i < buffers.length; i++)
            {
                view.wrap(buffers[i], buffers[i].capacity(), i);
                if (Events.isInput(view.templateId()))
                {
                    markets.onEvent(view);
                }
            }
            if (markets.lastChanged() == null || !markets.lastChanged().book().isValid())
            {
                throw new AssertionError("market lost");
            }
        };
        for (int i = 0; i < 20_000; i++)
        {
            round.run();
        }
        // Best of three: a one-off JIT event must not fail the test; a per-event allocation would not vanish.
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++)
            {
                round.run();
            }
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(allocated).isLessThanOrEqualTo(64);
        assertThat(markets.count()).isEqualTo(1);
    }
}
