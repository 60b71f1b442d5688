package arb.sim.market;

import java.util.ArrayList;
import java.util.List;

import arb.market.book.PriceLevelBook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketModelTest
{
    private static final long START = 1_772_000_000_000_000_000L; // 2026-02-25T06:13:20Z

    @Test
    void sameSeedSameSequenceAndBooksStaySane()
    {
        final Recorder a = run(42, 20 * 60);
        final Recorder b = run(42, 20 * 60);
        final Recorder c = run(43, 20 * 60);
        assertThat(a.trace.toString().hashCode()).isEqualTo(b.trace.toString().hashCode());
        assertThat(a.trace.toString()).isEqualTo(b.trace.toString());
        assertThat(a.trace.toString().equals(c.trace.toString())).isFalse();
        assertThat(a.crossed).isZero();
        assertThat(a.updates).isGreaterThan(20 * 60 * 50);
        assertThat(a.trades).isGreaterThan(20 * 60 * 10);
    }

    @Test
    void kalshiWindowsRollAndSettleOnTheLatentAverage()
    {
        final Recorder r = run(7, 40 * 60);
        // Windows close on 15-minute boundaries; each settled one reports a result consistent with its strike,
        // and the next window's strike is the previous window's settlement value.
        assertThat(r.settled).hasSizeGreaterThanOrEqualTo(2);
        for (final long[] s : r.settled)
        {
            final long strike = s[1];
            final long value = s[2];
            final long result = s[3];
            assertThat(result).isEqualTo(value >= strike ? KalshiMarketView.RESULT_YES : KalshiMarketView.RESULT_NO);
        }
        for (int i = 1; i < r.settled.size(); i++)
        {
            assertThat(r.settled.get(i)[1]).isEqualTo(r.settled.get(i - 1)[2]);
            assertThat(r.settled.get(i)[0] - r.settled.get(i - 1)[0]).isEqualTo(15L * 60 * 1_000_000_000L);
        }
        assertThat(r.tickers).allMatch(t -> t.matches("KXBTC15M-26FEB\\d{6}-\\d{2}"));
    }

    @Test
    void tickerUsesEasternCloseTime()
    {
        // kalshi.md: KXBTC15M-26FEB020300-00 closes 2026-02-02T08:00:00Z (EST), KXBTC15M-26AUG170100-00 at 05:00Z (EDT)
        assertThat(KalshiWindows.kxbtc15mTicker(java.time.Instant.parse("2026-02-02T08:00:00Z").getEpochSecond() * 1_000_000_000L))
            .isEqualTo("KXBTC15M-26FEB020300-00");
        assertThat(KalshiWindows.kxbtc15mTicker(java.time.Instant.parse("2026-08-17T05:00:00Z").getEpochSecond() * 1_000_000_000L))
            .isEqualTo("KXBTC15M-26AUG170100-00");
    }

    private static Recorder run(final long seed, final int seconds)
    {
        final MarketModel model = new MarketModel(new MarketModelConfig(), seed, START);
        final Recorder r = new Recorder();
        final long end = START + seconds * 1_000_000_000L;
        while (model.nextEventNs() < end)
        {
            model.step(r);
        }
        return r;
    }

    private static final class Recorder implements MarketListener
    {
        final StringBuilder trace = new StringBuilder();
        final List<long[]> settled = new ArrayList<>();
        final List<String> tickers = new ArrayList<>();
        int crossed;
        int updates;
        int trades;
        private long lastSettledClose;

        @Override
        public void onBookChanges(final int v, final long recvNs, final long venueNs, final LevelChanges changes,
            final PriceLevelBook book)
        {
            updates++;
            if (book.isCrossed())
            {
                crossed++;
            }
            if (updates % 97 == 0)
            {
                trace.append(v).append(':').append(book.bestBid()).append('/').append(book.bestAsk()).append(';');
            }
        }

        @Override
        public void onTrade(final int v, final long recvNs, final long venueNs, final boolean buy, final long price,
            final long size, final long id)
        {
            trades++;
        }

        @Override
        public void onBestBidOffer(final int v, final long recvNs, final long venueNs, final PriceLevelBook book)
        {
        }

        @Override
        public void onKalshiMarket(final long recvNs, final KalshiMarketView m)
        {
            if (!tickers.contains(m.ticker))
            {
                tickers.add(m.ticker);
            }
            if (m.status == KalshiMarketView.STATUS_DETERMINED && m.closeNs != lastSettledClose)
            {
                lastSettledClose = m.closeNs;
                settled.add(new long[] {m.closeNs, m.strike, m.expirationValue, m.result});
            }
            if (m.yesBid != KalshiMarketView.NULL && m.yesAsk != KalshiMarketView.NULL)
            {
                assertThat(m.yesBid).isLessThan(m.yesAsk);
            }
        }
    }
}
