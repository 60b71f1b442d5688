package arb.sim.venue;

import arb.feeds.venue.KrakenChecksum;
import arb.market.book.PriceLevelBook;
import arb.sim.market.KalshiMarketView;
import arb.sim.market.LevelChanges;
import arb.sim.market.MarketListener;
import arb.sim.market.MarketModel;
import arb.sim.market.MarketModelConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's Kraken checksum agrees with the decoder's on the model's evolving book. */
class KrakenSimChecksumTest
{
    @Test
    void simulatorAndDecoderComputeTheSameChecksum()
    {
        final MarketModel model = new MarketModel(new MarketModelConfig(), 11, 1_700_000_000_000_000_000L);
        final KrakenSim sim = new KrakenSim("BTC/USD");
        final KrakenChecksum decoderSide = new KrakenChecksum(KrakenSim.PRICE_DECIMALS, KrakenSim.QTY_DECIMALS);
        final PriceLevelBook view = new PriceLevelBook(256);
        int checked = 0;
        final MarketListener noop = new MarketListener()
        {
            @Override
            public void onBookChanges(final int venueIndex, final long recvNs, final long venueNs, final LevelChanges changes,
                final PriceLevelBook book)
            {
            }

            @Override
            public void onTrade(final int venueIndex, final long recvNs, final long venueNs, final boolean buyerAggressor,
                final long price, final long size, final long tradeId)
            {
            }

            @Override
            public void onBestBidOffer(final int venueIndex, final long recvNs, final long venueNs, final PriceLevelBook book)
            {
            }

            @Override
            public void onKalshiMarket(final long recvNs, final KalshiMarketView market)
            {
            }
        };
        for (int i = 0; i < 2_000; i++)
        {
            model.step(noop);
            if (i % 20 == 0)
            {
                VenueSim.copyTop(model.book(1), view, 100);
                assertThat(sim.checksum(view)).isEqualTo(decoderSide.compute(view));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(100);
    }
}
