package arb.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import arb.market.book.PriceLevelBook;
import org.junit.jupiter.api.Test;

/**
 * KXBTCD hourly events in the market model: many strikes per event, settled strictly above the
 * strike on the same 60-second average as the 15-minute window closing at that second, and the rest
 * of the session unchanged whether they are switched on or not.
 */
class HourlyEventsTest
{
    /** 2026-03-02T14:50:00Z: the hourly event closes at 15:00 with the 14:45-15:00 window. */
    private static final long START = 1_772_463_000_000_000_000L;
    private static final long NS = 1_000_000_000L;

    @Test
    void anHourlyEventListsManyStrikesAndSettlesThemOnTheWindowsAverage()
    {
        final Trace t = run(new MarketModelConfig().series(true, true, 12), 11, 15 * 60);
        final long close = 1_772_463_600_000_000_000L; // 15:00Z
        assertThat(t.hourlyStrikes.get(close)).hasSize(12);
        assertThat(t.hourlyTickers).allMatch(x -> x.matches("KXBTCD-26MAR02(10|11)-T\\d+\\.99"));
        // strikes 250 USD apart
        final List<Long> strikes = new ArrayList<>(t.hourlyStrikes.get(close));
        for (int i = 1; i < strikes.size(); i++)
        {
            assertThat(strikes.get(i) - strikes.get(i - 1)).isEqualTo(250L * 100_000_000L);
        }
        // every strike determined on the 15-minute window's settlement value, YES strictly above
        final long value = t.fifteenMinuteValue.get(close);
        assertThat(t.hourlyResults).hasSize(12);
        for (final long[] r : t.hourlyResults)
        {
            assertThat(r[1]).isEqualTo(value);
            assertThat(r[2]).isEqualTo(value > r[0] ? KalshiMarketView.RESULT_YES : KalshiMarketView.RESULT_NO);
        }
        assertThat(t.hourlyResults.stream().map(r -> r[2]).distinct().count()).as("strikes on both sides").isEqualTo(2);
    }

    @Test
    void switchingHourlyEventsOnLeavesEveryOtherEventAsItWas()
    {
        final Trace without = run(new MarketModelConfig(), 5, 12 * 60);
        final Trace with = run(new MarketModelConfig().series(true, true, 12), 5, 12 * 60);
        assertThat(with.others.toString()).isEqualTo(without.others.toString());
        assertThat(without.hourlyTickers).isEmpty();
        assertThat(with.hourlyTickers).isNotEmpty();
        // KXBTCD alone: the 15-minute windows are not reported, the venues are still the same
        final Trace hourlyOnly = run(new MarketModelConfig().series(false, true, 12), 5, 12 * 60);
        assertThat(hourlyOnly.fifteenMinuteTickers).isEmpty();
        assertThat(hourlyOnly.venues.toString()).isEqualTo(without.venues.toString());
    }

    private static Trace run(final MarketModelConfig config, final long seed, final int seconds)
    {
        final MarketModel model = new MarketModel(config, seed, START);
        final Trace t = new Trace();
        final long end = START + seconds * NS;
        while (model.nextEventNs() < end)
        {
            model.step(t);
        }
        return t;
    }

    private static final class Trace implements MarketListener
    {
        final StringBuilder others = new StringBuilder();
        final StringBuilder venues = new StringBuilder();
        final TreeSet<String> hourlyTickers = new TreeSet<>();
        final TreeSet<String> fifteenMinuteTickers = new TreeSet<>();
        final TreeMap<Long, TreeSet<Long>> hourlyStrikes = new TreeMap<>();
        final TreeMap<Long, Long> fifteenMinuteValue = new TreeMap<>();
        final List<long[]> hourlyResults = new ArrayList<>();
        private final TreeSet<String> determined = new TreeSet<>();

        @Override
        public void onBookChanges(final int v, final long recvNs, final long venueNs, final LevelChanges changes,
            final PriceLevelBook book)
        {
            final String s = v + "@" + recvNs + ":" + book.bestBid() + "/" + book.bestAsk() + ";";
            others.append(s);
            venues.append(s);
        }

        @Override
        public void onTrade(final int v, final long recvNs, final long venueNs, final boolean buy, final long price,
            final long size, final long id)
        {
            final String s = "t" + v + "@" + recvNs + ":" + price + "x" + size + ";";
            others.append(s);
            venues.append(s);
        }

        @Override
        public void onBestBidOffer(final int v, final long recvNs, final long venueNs, final PriceLevelBook book)
        {
        }

        @Override
        public void onKalshiMarket(final long recvNs, final KalshiMarketView m)
        {
            if (m.series() == KalshiMarketView.SERIES_KXBTCD)
            {
                hourlyTickers.add(m.ticker());
                hourlyStrikes.computeIfAbsent(m.closeNs(), k -> new TreeSet<>()).add(m.strike());
                if (m.status() == KalshiMarketView.STATUS_DETERMINED && determined.add(m.ticker()))
                {
                    hourlyResults.add(new long[] {m.strike(), m.expirationValue(), m.result()});
                }
                return;
            }
            fifteenMinuteTickers.add(m.ticker());
            others.append(m.ticker()).append('@').append(recvNs).append(':').append(m.yesBid()).append('/')
                .append(m.yesAsk()).append(';');
            if (m.status() == KalshiMarketView.STATUS_DETERMINED)
            {
                fifteenMinuteValue.put(m.closeNs(), m.expirationValue());
            }
        }
    }
}
