package arb.engine.run;

import java.util.ArrayList;
import java.util.List;

import arb.engine.book.VenueBooks;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.RunParamsEcho;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.index.IndexStage;
import arb.engine.kalshi.KalshiMarkets;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.engine.strategy.TradingStage;

/**
 * Builds the business chain from the run's logic parameters: the one place that decides which
 * stages exist and in which order (index -> books -> Kalshi markets -> trading desk: strategies and
 * the paper broker; the index reads the books as they stood before each event). Everything a
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
        /** Both index methods (weighted-last and cf-rti), settlement estimates and their accuracy. */
        public IndexStage index;
        public KalshiMarkets kalshi;
        public TradingStage trading;
    }

    public static Chain build(final Params params, final OutputJournal out)
    {
        final Chain chain = new Chain();
        chain.stages.add(new RunParamsEcho(out));
        chain.books = new VenueBooks(params.getInt("books.maxLevelsPerSide"));
        chain.index = IndexStage.create(params, chain.books, out);
        // The index runs BEFORE the books: it calculates every 200 ms boundary that precedes an
        // event against the books as they stood, then the books apply the event.
        chain.stages.add(chain.index);
        chain.stages.add(chain.books);
        chain.kalshi = new KalshiMarkets(params, out);
        chain.stages.add(chain.kalshi);
        final TradingDesk desk = TradingDeskFactory.create(params, out);
        // The desk trades on the method index.method selects (IndexStage is the strategies' IndexFeed).
        chain.trading = new TradingStage(desk, chain.index, chain.kalshi);
        chain.stages.add(chain.trading);
        return chain;
    }
}
