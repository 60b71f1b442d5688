package arb.engine.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.market.kalshi.KalshiCalendar;
import arb.feeds.kalshi.KalshiSimHarness;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.ClockTickEncoder;
import arb.sbe.DataSource;
import arb.sbe.FeedState;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the live Kalshi feed against the simulator across a rollover, its events (with the
 * clock ticks the engine's timer would add) through {@link KalshiMarketsStage}: the engine ends up with
 * the closed market's result, the next market's strike equal to that result's settlement value, a
 * valid book for the live market, and its notices in calendar order.
 */
@Tag("slow")
@Timeout(120)
class KalshiLiveSimTest
{
    @TempDir
    Path dir;

    @Test
    void theEngineFollowsTheSimulatedMarketsAcrossARollover() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        final List<UnsafeBuffer> events;
        final long firstClose;
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            assertThat(h.await(() -> h.feed.poller().state() == FeedState.LIVE, 10_000)).isTrue();
            final KalshiCalendar calendar = KalshiCalendar.KXBTC15M;
            final long ready = h.clock.nowNs();
            long close = calendar.currentCloseNs(ready);
            if (close - ready < 90 * 1_000_000_000L)
            {
                close += calendar.periodNs();
            }
            firstClose = close;
            final String first = calendar.marketTicker(firstClose);
            final String next = calendar.marketTicker(firstClose + calendar.periodNs());
            assertThat(h.await(() -> h.anyMarket(m -> m.ticker().equals(first) && m.expirationValue() != Scales.NULL)
                && h.anyMarket(m -> m.ticker().equals(next) && m.source() == DataSource.REST), 20_000)).isTrue();
            h.awaitClock(firstClose + 60 * 1_000_000_000L, 10_000);
            h.feed.stop();
            events = h.events();
        }

        final List<String> notices = new ArrayList<>();
        final OutputJournal out = new OutputJournal(null);
        out.addListener((buffer, length) ->
        {
            final MarketNoticeDecoder n = new MarketNoticeDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
            notices.add(n.kind() + " " + n.ticker());
        });
        final KalshiMarketsStage markets = new KalshiMarketsStage(Params.defaults(), out);
        final InputEvent view = new InputEvent();
        final UnsafeBuffer tick = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final ClockTickEncoder tickEncoder = new ClockTickEncoder();
        long nextSecond = Long.MIN_VALUE;
        long sequence = 0;
        boolean liveBookSeen = false;
        boolean nextBookSeen = false;
        for (final UnsafeBuffer e : events)
        {
            final long recvNs = Events.recvNs(e, 0);
            if (nextSecond == Long.MIN_VALUE)
            {
                nextSecond = (recvNs / 1_000_000_000L + 1) * 1_000_000_000L;
            }
            while (recvNs >= nextSecond)
            {
                tickEncoder.wrapAndApplyHeader(tick, 0, new MessageHeaderEncoder()).recvNs(nextSecond).scheduledNs(nextSecond);
                view.wrap(tick, MessageHeaderEncoder.ENCODED_LENGTH + tickEncoder.encodedLength(), sequence++);
                markets.onEvent(view);
                nextSecond += 1_000_000_000L;
            }
            view.wrap(e, e.capacity(), sequence++);
            markets.onEvent(view);
            // The live window is the calendar's current close (never whichever ticker answered last).
            final long liveClose = KalshiCalendar.KXBTC15M.currentCloseNs(recvNs);
            final KalshiInstrument live = markets.find(KalshiCalendar.KXBTC15M.marketTicker(liveClose), liveClose);
            if (live != null && live.book().isValid() && live.book().base() == DataSource.WS && recvNs < firstClose)
            {
                liveBookSeen = true;
                assertThat(live.closeNs()).isEqualTo(KalshiCalendar.KXBTC15M.currentCloseNs(recvNs));
                assertThat(live.book().isCrossed()).isFalse();
            }
            if (live != null && live.book().isValid() && recvNs >= firstClose)
            {
                nextBookSeen = true;
                assertThat(live.closeNs()).isEqualTo(firstClose + KalshiCalendar.KXBTC15M.periodNs());
            }
        }

        final KalshiCalendar calendar = KalshiCalendar.KXBTC15M;
        final String firstTicker = calendar.marketTicker(firstClose);
        final String nextTicker = calendar.marketTicker(firstClose + calendar.periodNs());
        final KalshiInstrument first = markets.find(firstTicker, firstClose);
        final KalshiInstrument next = markets.find(nextTicker, firstClose + calendar.periodNs());
        assertThat(first.hasOutcome()).isTrue();
        assertThat(next.floorStrike()).as("strike = previous settlement").isEqualTo(first.expirationValue());
        assertThat(next.yesBid()).isNotEqualTo(Scales.NULL);
        assertThat(nextBookSeen).as("the next market's book, once it is live").isTrue();
        assertThat(liveBookSeen).isTrue();
        assertThat(notices).containsSubsequence(
            "MARKET_CLOSE " + firstTicker, "MARKET_OPEN " + nextTicker, "MARKET_RESULT " + firstTicker);
    }
}
