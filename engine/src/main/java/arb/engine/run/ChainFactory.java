package arb.engine.run;

import java.util.ArrayList;
import java.util.List;

import arb.engine.book.VenueBooks;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.RunParamsEcho;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.index.WeightedLastIndex;
import arb.engine.index.WeightedLastParams;
import arb.engine.kalshi.KalshiMarkets;
import arb.engine.strategy.IndexFeed;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.engine.strategy.TradingStage;

/**
 * Builds the business chain from the run's logic parameters: the one place that decides which
 * stages exist and in which order (books -> index -> Kalshi markets -> trading desk: strategies and
 * the paper broker). Everything a
 * stage needs from another stage is passed here, explicitly.
 */
public final class ChainFactory
{
    private ChainFactory()
    {
    }

    /** The stages, in order, plus handles other components (status line, results) may read. */
    public static final class Chain
    {
        public final List<Stage> stages = new ArrayList<>();
        public VenueBooks books;
        public WeightedLastIndex weightedLast;
        public KalshiMarkets kalshi;
        public TradingStage trading;
    }

    public static Chain build(final Params params, final OutputJournal out)
    {
        final Chain chain = new Chain();
        chain.stages.add(new RunParamsEcho(out));
        chain.books = new VenueBooks(params.getInt("books.maxLevelsPerSide"));
        chain.stages.add(chain.books);
        // Interim: the weighted-last proxy is now a pure calculator that the index stage drives; the
        // index stage joins the chain once it is a Stage (next commits). Until then no index is printed.
        chain.weightedLast = new WeightedLastIndex(new WeightedLastParams());
        chain.kalshi = new KalshiMarkets(params, out);
        chain.stages.add(chain.kalshi);
        final TradingDesk desk = TradingDeskFactory.create(params, out);
        final WeightedLastIndex index = chain.weightedLast;
        chain.trading = new TradingStage(desk, new IndexFeed()
        {
            @Override
            public long value()
            {
                return index.value();
            }

            @Override
            public long valueSecondNs()
            {
                return Long.MIN_VALUE;
            }
        }, chain.kalshi);
        chain.stages.add(chain.trading);
        return chain;
    }
}
