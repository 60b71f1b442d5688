package arb.engine.run;

import java.util.ArrayList;
import java.util.List;

import arb.engine.book.VenueBooks;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.RunParamsEcho;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.index.WeightedLastIndex;

/**
 * Builds the business chain from the run's logic parameters: the one place that decides which
 * stages exist and in which order (books -> index -> markets -> strategies -> broker). Everything a
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
    }

    public static Chain build(final Params params, final OutputJournal out)
    {
        final Chain chain = new Chain();
        chain.stages.add(new RunParamsEcho(out));
        chain.books = new VenueBooks(params.getInt("books.maxLevelsPerSide"));
        chain.stages.add(chain.books);
        chain.weightedLast = new WeightedLastIndex(params, chain.books, out);
        chain.stages.add(chain.weightedLast);
        return chain;
    }
}
