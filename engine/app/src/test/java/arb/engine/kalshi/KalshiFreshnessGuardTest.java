package arb.engine.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.index.IndexView;
import arb.engine.strategy.GuardBlock;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.engine.strategy.TradingStage;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.OrderDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The Kalshi freshness guard on the trading path: the Kalshi stage and the trading stage run on
 * the feed's own encoded events (books, market states and FeedStatus as the REST poller publishes
 * them), and the fair-value strategy sees a stale quote with a large edge while the poller is
 * failing. No entry may happen until the feed is live again and the market's book was received
 * after that.
 */
class KalshiFreshnessGuardTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_760_000_000L * S;
    private static final long CLOSE = T0 + 600 * S;
    private static final String TICKER = "KXBTC15M-FRESHNESS-TEST";

    private final OutputJournal out = new OutputJournal(null);
    private final KalshiMarketsStage markets = new KalshiMarketsStage(Params.defaults(), out);
    private final MutableIndex index = new MutableIndex();
    private final TradingDesk desk = TradingDeskFactory.create(Params.defaults().with(Map.of(
        "strategy.flashCrash.enabled", "false",
        "strategy.momentum.enabled", "false",
        "strategy.parity.enabled", "false",
        "strategy.fairValue.confirmPrints", "1")), out); // act on the first print: the subject here is the quote
    private final TradingStage trading = new TradingStage(desk, index, markets);
    private final KalshiEvents events = new KalshiEvents(e ->
    {
        markets.onEvent(e);
        trading.onEvent(e);
    });
    private final List<Long> orderTimes = new ArrayList<>();

    KalshiFreshnessGuardTest()
    {
        out.addListener((buffer, length) ->
        {
            if (Events.templateId(buffer, 0) == OrderDecoder.TEMPLATE_ID)
            {
                orderTimes.add(new OrderDecoder().wrapAndApplyHeader(buffer, 0, new arb.sbe.MessageHeaderDecoder()).recvNs());
            }
        });
    }

    /** A clock tick at {@code t} with an index print (dollars) for that second. */
    private void second(final long t, final double dollars)
    {
        index.set(t, dollars);
        events.tick(t);
    }

    /** The market at the strike 78,900 with YES 0.48 / 0.50 on the REST poller's book. */
    private void restQuote(final long t)
    {
        events.quote(t, TICKER, CLOSE, "0.48", "0.50");
        events.book(t, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, TICKER, CLOSE, "Y 0.48 100", "N 0.50 100");
    }

    @Test
    void aPollFailureBlocksEntriesUntilTheFeedIsLiveAndTheBookFreshAgain()
    {
        events.status(T0 - 60 * S, FeedState.LIVE, FeedReason.CONNECTED, "rest: polling KXBTC15M every 1000 ms");
        for (long t = T0 - 30 * S; t <= T0; t += S)
        {
            second(t, 78_900);
        }
        restQuote(T0);
        second(T0 + S, 78_900);
        assertThat(orderTimes).as("at the strike, YES at 0.50 has no edge").isEmpty();

        // The poll fails; the book stays valid and young, but the feed is not live.
        events.status(T0 + S + S / 2, FeedState.DEGRADED, FeedReason.HTTP_ERROR, "rest: GET /markets -> HTTP 503");
        // The index runs away: the quote the engine last saw (0.50) now shows a large edge.
        second(T0 + 2 * S, 80_000);
        second(T0 + 3 * S, 80_000);
        assertThat(desk.broker().ledger(Strategy.FAIR_VALUE).exposure()).isZero();
        assertThat(orderTimes).as("no entry on a quote from a failing poller").isEmpty();
        assertThat(desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.KALSHI_FEED_DOWN)).isPositive();

        // The poller recovers on another market's response: this market's book is from before the outage.
        events.status(T0 + 3 * S + S / 2, FeedState.LIVE, FeedReason.RECOVERED, "rest: polling KXBTC15M every 1000 ms");
        second(T0 + 4 * S, 80_000);
        assertThat(orderTimes).as("recovered, but this market's book predates the outage").isEmpty();

        // A fresh book of this market arrives (Kalshi still quotes 0.50): now the edge may be taken.
        restQuote(T0 + 4 * S + S / 2);
        assertThat(orderTimes).hasSize(1);
        assertThat(orderTimes.get(0)).isEqualTo(T0 + 4 * S + S / 2);
    }

    @Test
    void aBookOlderThanTheLimitBlocksEntriesWhileTheFeedIsLive()
    {
        for (long t = T0 - 30 * S; t <= T0; t += S)
        {
            second(t, 78_900);
        }
        restQuote(T0);
        // No new book for 4 s (the default limit is 3 s); the index then moves.
        second(T0 + S, 78_900);
        second(T0 + 2 * S, 78_900);
        second(T0 + 3 * S, 78_900);
        second(T0 + 4 * S, 80_000);
        second(T0 + 5 * S, 80_000);
        assertThat(orderTimes).isEmpty();
        assertThat(desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.STALE_QUOTE)).isPositive();
        restQuote(T0 + 5 * S + S / 2);
        assertThat(orderTimes).containsExactly(T0 + 5 * S + S / 2);
    }

    @Test
    void aWebSocketOutageDoesNotBlockTheRestBooksThatTookOver()
    {
        for (long t = T0 - 30 * S; t <= T0; t += S)
        {
            second(t, 78_900);
        }
        events.status(T0, FeedState.DISCONNECTED, FeedReason.PEER_CLOSED, "ws: connection closed by peer");
        restQuote(T0 + S / 2);
        second(T0 + S, 80_000);
        assertThat(orderTimes).containsExactly(T0 + S);
    }

    /** The index stage's port, set by hand: the value for the second of the last tick. */
    private static final class MutableIndex implements IndexView
    {
        private long value = Scales.NULL;
        private long secondNs = Long.MIN_VALUE;

        void set(final long second, final double dollars)
        {
            secondNs = second;
            value = Math.round(dollars * 100) * (Scales.PRICE / 100);
        }

        @Override
        public long value()
        {
            return value;
        }

        @Override
        public long valueSecondNs()
        {
            return secondNs;
        }
    }
}
