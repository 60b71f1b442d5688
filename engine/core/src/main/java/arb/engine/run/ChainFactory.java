package arb.engine.run;

import java.util.ArrayList;
import java.util.List;

import arb.engine.book.BookStage;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.RunParamsEchoStage;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.index.IndexStage;
import arb.engine.index.IndexView;
import arb.engine.kalshi.KalshiMarketsStage;
import arb.engine.kalshi.KalshiMarketsView;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.engine.strategy.TradingStage;

/**
 * Builds the business chain from the run's logic parameters: the one place that decides which
 * stages exist, in which order, and which read-only port each stage reads from the stages before it.
 *
 * <p>The pipeline, in the order every input event passes through it:
 * <ol>
 *   <li>run-params echo: journals the run's parameters ahead of the first output;</li>
 *   <li>index: runs the calculations due before the event against the books as they stood before
 *       it (so it runs BEFORE the books), then handles the event's trades, feed states, Kalshi
 *       market definitions and index relays;</li>
 *   <li>books: applies the event's spot book changes (the index reads these books);</li>
 *   <li>Kalshi markets: applies the event's Kalshi markets and books, emits market notices;</li>
 *   <li>trading desk: strategies and the paper broker, reading the index through {@link IndexView}
 *       and the Kalshi stage's updates through {@link KalshiMarketsView}.</li>
 * </ol>
 */
public final class ChainFactory
{
    private ChainFactory()
    {
    }

    /** The stages, in order, plus handles other components (status line, results) may read. */
    public static final class Chain
    {
        private final List<Stage> stages;
        private final BookStage books;
        private final IndexStage index;
        private final KalshiMarketsStage kalshi;
        private final TradingStage trading;

        Chain(final List<Stage> stages, final BookStage books, final IndexStage index, final KalshiMarketsStage kalshi,
            final TradingStage trading)
        {
            this.stages = stages;
            this.books = books;
            this.index = index;
            this.kalshi = kalshi;
            this.trading = trading;
        }

        /** The stages in chain order (unmodifiable). */
        public List<Stage> stages()
        {
            return stages;
        }

        public BookStage books()
        {
            return books;
        }

        /** Both index methods (weighted-last and cf-rti), settlement estimates and their accuracy. */
        public IndexStage index()
        {
            return index;
        }

        public KalshiMarketsStage kalshi()
        {
            return kalshi;
        }

        public TradingStage trading()
        {
            return trading;
        }
    }

    /**
     * Checks that {@code params} build a chain (every stage reads its settings: lists, weights,
     * series, cross-checks) without journaling anything: commands call it before they create a
     * directory, so a bad value is refused with nothing half-made. Cold path.
     */
    public static void check(final Params params)
    {
        build(params, new OutputJournal(null));
    }

    public static Chain build(final Params params, final OutputJournal out)
    {
        return build(params, out, TradingDeskFactory.create(params, out));
    }

    /**
     * The stages a trading desk only reads (index, books, Kalshi markets) and their read-only ports:
     * the part of the chain a sweep shares between points that differ only in desk-side parameters
     * ({@link arb.engine.config.ParamCatalog#isDeskOnly}). Built here, exactly as {@link #build} builds
     * them for a single run, so a shared pass computes what each point's own chain would.
     */
    public record Prefix(List<Stage> stages, BookStage books, IndexStage index, KalshiMarketsStage kalshi)
    {
    }

    /** The shared prefix of the chain: stages 2-4 (index, books, Kalshi markets), writing into {@code out}. */
    public static Prefix buildPrefix(final Params params, final OutputJournal out)
    {
        // The books (stage 3) exist first: the index (stage 2) is built over them.
        final BookStage books = new BookStage(params.getInt("books.maxLevelsPerSide"));
        // 2. Index: calculates against the books as they stood before the event, so it runs before them.
        final IndexStage index = IndexStage.create(params, books, out);
        // 3. Books: apply the event's spot book changes.
        // 4. Kalshi markets: apply the event's Kalshi markets and books, once.
        final KalshiMarketsStage kalshi = new KalshiMarketsStage(params, out);
        return new Prefix(List.of(index, books, kalshi), books, index, kalshi);
    }

    /** The chain with a given trading desk (analyses run the engine's chain with an observing desk). */
    public static Chain build(final Params params, final OutputJournal out, final TradingDesk desk)
    {
        // 1. Echo the run's parameters.
        final RunParamsEchoStage echo = new RunParamsEchoStage(out);
        // 2.-4. Index, books, Kalshi markets.
        final Prefix prefix = buildPrefix(params, out);
        // 5. Trading desk: reads the index (the method index.method selects) and what stage 4 applied,
        //    each through its read-only port.
        final TradingStage trading = tradingStage(prefix, desk);
        final List<Stage> stages = new ArrayList<>();
        stages.add(echo);
        stages.addAll(prefix.stages());
        stages.add(trading);
        return new Chain(List.copyOf(stages), prefix.books(), prefix.index(), prefix.kalshi(), trading);
    }

    /** Stage 5 over a prefix: the desk reads the index and the Kalshi stage, each through its read-only port. */
    public static TradingStage tradingStage(final Prefix prefix, final TradingDesk desk)
    {
        final IndexView indexView = prefix.index();
        final KalshiMarketsView kalshiView = prefix.kalshi();
        return new TradingStage(desk, indexView, kalshiView);
    }
}
