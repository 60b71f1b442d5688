package arb.feeds.kalshi;

import java.nio.file.Path;
import java.util.Map;

import arb.journal.Events;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.FeedState;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sim.kalshi.KalshiSim;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The live Kalshi feed against the simulator across market rollovers, with faults. */
@Tag("slow")
@Timeout(120)
class KalshiFeedSimTest
{
    @TempDir
    Path dir;

    @Test
    void twoRolloversCaptureStatesStrikesBooksAndResultsThroughFaults() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        o.sim.listingDelayMs(60_000);         // each window is listed 60 s (clock) after it opens
        o.sim.closedListedAsOpenMs(30_000);   // and a closed one still shows "active" for 30 s
        o.sim.slowResponseMs(800);            // longer than the client's 400 ms request timeout
        // No Retry-After: a real second would be minutes of this 200x clock and swallow the next fault.
        o.sim.rateLimitRetryAfterMs(0);
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            // The run starts whenever the feed is up (start-up takes real time, which the fast clock
            // stretches): the two rollovers are the next two window closes at least 90 s away.
            assertThat(h.await(() -> h.feed.poller().state() == FeedState.LIVE, 10_000)).isTrue();
            final KalshiCalendar calendar = KalshiCalendar.KXBTC15M;
            final long ready = h.clock.nowNs();
            long rollover = calendar.currentCloseNs(ready);
            if (rollover - ready < 90 * 1_000_000_000L)
            {
                rollover += calendar.periodNs();
            }
            final long firstClose = rollover;
            final long secondClose = rollover + calendar.periodNs();
            final String first = calendar.marketTicker(firstClose);
            final String second = calendar.marketTicker(secondClose);
            final String third = calendar.marketTicker(secondClose + calendar.periodNs());

            final long minute = 60 * 1_000_000_000L;
            h.awaitClock(firstClose + 3 * minute, 15_000);
            h.kalshi.inject(KalshiSim.Fault.RATE_LIMIT, 3);
            h.awaitClock(firstClose + 5 * minute, 15_000);
            h.kalshi.inject(KalshiSim.Fault.SERVER_ERROR, 2);
            h.awaitClock(firstClose + 7 * minute, 15_000);
            h.kalshi.inject(KalshiSim.Fault.SLOW, 1);
            h.awaitClock(firstClose + 9 * minute, 15_000);
            h.kalshi.inject(KalshiSim.Fault.SEQ_GAP, 1);

            // Both closed windows report their result and settlement value.
            assertThat(h.await(() -> h.anyMarket(m -> m.ticker().equals(second) && m.closeTimeNs() == secondClose
                && m.result() != MarketResult.NONE && m.expirationValue() != Scales.NULL), 20_000)).isTrue();
            // ... and the window after the second rollover is listed (late, by the sim's listing delay).
            assertThat(h.await(() -> h.anyMarket(m -> m.ticker().equals(third) && m.source() == DataSource.REST), 20_000))
                .isTrue();
            h.feed.stop();

            long firstSettlement = Scales.NULL;
            long secondSettlement = Scales.NULL;
            long secondStrike = Scales.NULL;
            long thirdStrike = Scales.NULL;
            boolean firstResult = false;
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final arb.sbe.KalshiMarketDecoder m = new arb.sbe.KalshiMarketDecoder();
            final KalshiBookDecoder b = new KalshiBookDecoder();
            int secondRestBooks = 0;
            int secondWsSnapshots = 0;
            int secondWsDeltas = 0;
            int relays = 0;
            long lastRelayWindow = Scales.NULL;
            for (final UnsafeBuffer e : h.events())
            {
                final int template = Events.templateId(e, 0);
                if (template == arb.sbe.KalshiMarketDecoder.TEMPLATE_ID)
                {
                    m.wrapAndApplyHeader(e, 0, header);
                    if (m.ticker().equals(first) && m.expirationValue() != Scales.NULL)
                    {
                        firstSettlement = m.expirationValue();
                        firstResult = m.result() == MarketResult.YES || m.result() == MarketResult.NO;
                        assertThat(m.status()).isIn(KalshiStatus.DETERMINED, KalshiStatus.FINALIZED);
                    }
                    if (m.ticker().equals(second) && m.expirationValue() != Scales.NULL)
                    {
                        secondSettlement = m.expirationValue();
                    }
                    if (m.ticker().equals(second) && m.floorStrike() != Scales.NULL && m.source() == DataSource.REST)
                    {
                        secondStrike = m.floorStrike();
                        assertThat(m.closeTimeNs()).isEqualTo(secondClose);
                    }
                    if (m.ticker().equals(third) && m.floorStrike() != Scales.NULL && m.source() == DataSource.REST)
                    {
                        thirdStrike = m.floorStrike();
                    }
                }
                else if (template == KalshiBookDecoder.TEMPLATE_ID)
                {
                    b.wrapAndApplyHeader(e, 0, header);
                    if (b.ticker().equals(second))
                    {
                        assertThat(b.closeTimeNs()).isEqualTo(secondClose);
                        if (b.source() == DataSource.REST)
                        {
                            secondRestBooks++;
                        }
                        else if (b.kind() == BookKind.SNAPSHOT)
                        {
                            secondWsSnapshots++;
                        }
                        else
                        {
                            secondWsDeltas++;
                        }
                    }
                }
                else if (template == IndexRelayDecoder.TEMPLATE_ID)
                {
                    final IndexRelayDecoder r = new IndexRelayDecoder().wrapAndApplyHeader(e, 0, header);
                    assertThat(r.value()).isPositive();
                    relays++;
                    if (r.windowAvg15m() != Scales.NULL)
                    {
                        lastRelayWindow = r.windowAvg15m();
                    }
                }
            }
            assertThat(firstResult).as("the first closed window's result").isTrue();
            assertThat(firstSettlement).isPositive();
            // The next window's strike is the previous window's settlement value.
            assertThat(secondStrike).isEqualTo(firstSettlement);
            assertThat(secondSettlement).isPositive();
            assertThat(thirdStrike).as("second rollover: strike = the second window's settlement").isEqualTo(secondSettlement);
            assertThat(secondRestBooks).isPositive();
            assertThat(secondWsSnapshots).as("initial snapshot and the resubscription after the gap").isGreaterThanOrEqualTo(2);
            assertThat(secondWsDeltas).isPositive();
            assertThat(relays).as("BRTI relay").isGreaterThan(100);
            assertThat(lastRelayWindow).isPositive();

            // Every fault was reported, and each was followed by recovery.
            final String statuses = String.join("\n", h.statuses());
            assertThat(statuses).contains("DEGRADED NOT_LISTED rest: " + third + " is live but not listed yet");
            assertThat(statuses).contains("DEGRADED RATE_LIMITED rest: HTTP 429 (rate limited), pausing");
            assertThat(statuses).containsPattern("(DEGRADED|STALE) HTTP_ERROR rest: ");
            // A slow answer holds only its own request: the next poll's answer comes first, and the slow
            // one's late answer or timeout is then old news (dropped, no pause). (Timeouts of this 400 ms
            // client on a loaded machine can still happen, so their absence is not asserted.)
            assertThat(h.feed.poller().superseded() + h.feed.poller().staleFailures()).isPositive();
            assertThat(statuses).contains("RESYNCING SEQUENCE_GAP ws: sequence gap");
            assertThat(statuses).contains("LIVE RECOVERED rest:");
            final int gap = statuses.indexOf("RESYNCING SEQUENCE_GAP ws:");
            assertThat(gap).isNotNegative();
            assertThat(statuses.substring(gap)).as("the WebSocket is live again after the gap")
                .containsPattern("\nLIVE (SNAPSHOT|SUBSCRIBED) ws: ");
            assertThat(h.statuses().get(h.statuses().size() - 1)).startsWith("STOPPED SHUTDOWN");
            assertThat(h.feed.poller().settled()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSimulatorListsHourlyEventsWithManyStrikesThatTheFeedFollowsAndSettles() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        o.hourly = true;
        o.start = "2026-03-10T14:55:00Z";
        o.feed = Map.of("series", "KXBTC15M,KXBTCD", "kxbtcdStrikes", "3");
        final long close = KalshiSimHarness.ns("2026-03-10T15:00:00Z");
        final String event = KalshiCalendar.KXBTCD.eventTicker(close);
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            // The event listing gives every strike ("greater": above the strike) ...
            assertThat(h.await(() -> strikes(h, event) == 12, 20_000)).isTrue();
            // ... the chosen strikes' books are polled ...
            assertThat(h.await(() -> booksOf(h, event + "-T") > 0, 20_000)).isTrue();
            // ... and after the hour each strike reports its result on the 60-second average.
            assertThat(h.await(() -> h.anyMarket(m -> m.ticker().startsWith(event + "-T") && m.closeTimeNs() == close
                && m.result() != MarketResult.NONE && m.expirationValue() != Scales.NULL), 40_000)).isTrue();
            h.feed.stop();
        }
    }

    private static int strikes(final KalshiSimHarness h, final String event)
    {
        final java.util.TreeSet<String> seen = new java.util.TreeSet<>();
        h.anyMarket(m ->
        {
            if (m.ticker().startsWith(event + "-T") && m.source() == DataSource.REST
                && m.strikeType() == arb.sbe.StrikeType.GREATER && m.floorStrike() != Scales.NULL)
            {
                seen.add(m.ticker());
            }
            return false;
        });
        return seen.size();
    }

    private static int booksOf(final KalshiSimHarness h, final String prefix)
    {
        int n = 0;
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final KalshiBookDecoder b = new KalshiBookDecoder();
        for (final UnsafeBuffer e : h.events())
        {
            if (Events.templateId(e, 0) == KalshiBookDecoder.TEMPLATE_ID)
            {
                b.wrapAndApplyHeader(e, 0, header);
                n += b.ticker().startsWith(prefix) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void withoutAKeyAndARefusingWebSocketTheFeedRunsOnRestAlone() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        o.key = false;
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            final String refused = "STOPPED AUTH_FAILED ws: REST polling alone: the WebSocket refused an "
                + "unauthenticated connection (HTTP 401)";
            // The status event is published on the loop after the flag flips: wait for both.
            assertThat(h.await(() -> h.feed.webSocket().restOnly() && h.anyMarket(m -> m.source() == DataSource.REST)
                && h.statuses().contains(refused), 10_000)).isTrue();
            assertThat(h.statuses()).contains(refused);
            assertThat(h.kalshi.refusedHandshakes()).isEqualTo(1);
        }
    }

    @Test
    void withoutAKeyThePublicChannelsAreUsedWhenTheServerAllowsThem() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        o.key = false;
        o.allowUnauthenticated = true;
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            assertThat(h.await(() -> h.anyMarket(m -> m.source() == DataSource.WS), 10_000)).as("ticker over WS").isTrue();
            assertThat(h.feed.webSocket().restOnly()).isFalse();
            assertThat(String.join("\n", h.statuses())).contains("LIVE SUBSCRIBED ws: subscribed [market_lifecycle_v2, ticker]");
        }
    }

    @Test
    void aSignatureThatDoesNotVerifyIsRefusedAndRetriedLater() throws Exception
    {
        final KalshiSimHarness.Options o = new KalshiSimHarness.Options();
        o.dir = dir;
        o.wrongKey = true;
        o.feed = Map.of("authRetryMs", "300");
        try (KalshiSimHarness h = new KalshiSimHarness(o).start())
        {
            assertThat(h.await(() -> h.kalshi.refusedHandshakes() >= 2, 10_000)).isTrue();
            assertThat(String.join("\n", h.statuses())).contains("BACKOFF AUTH_FAILED ws: handshake refused (HTTP 401)");
            assertThat(h.feed.webSocket().restOnly()).isFalse();
            assertThat(h.anyMarket(m -> m.source() == DataSource.REST)).isTrue();
        }
    }
}
