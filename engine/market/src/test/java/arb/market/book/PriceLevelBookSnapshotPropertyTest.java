package arb.market.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of whole snapshots (applied by difference), part-by-part bulk snapshots, level
 * changes and deletions leave {@link PriceLevelBook} exactly as the old class ({@link OldPriceLevelBook},
 * kept verbatim in test code) with its clear-and-reload snapshots: same depth, prices and
 * quantities at every rank, after every step.
 */
class PriceLevelBookSnapshotPropertyTest
{
    /** One step: kind 0 = whole snapshot (staged), 1 = bulk snapshot, 2 = level change (qty 0 deletes). */
    record Step(int kind, List<long[]> levels)
    {
        @Override
        public String toString()
        {
            final StringBuilder sb = new StringBuilder("Step[" + kind);
            for (final long[] l : levels)
            {
                sb.append(' ').append(l[0] == 0 ? "B" : "A").append(l[1]).append('x').append(l[2]);
            }
            return sb.append(']').toString();
        }
    }

    @Provide
    Arbitrary<List<Step>> steps()
    {
        // Prices in a narrow band so snapshots repeat, overlap and shift the book's levels.
        final Arbitrary<long[]> level = Combinators.combine(
            Arbitraries.integers().between(0, 1),
            Arbitraries.longs().between(990, 1010),
            Arbitraries.longs().between(0, 6)).as((side, price, qty) -> new long[] {side, price, qty});
        final Arbitrary<Step> snapshot = Combinators.combine(Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 3), level.list().ofMaxSize(40))
            .as((kind, shape, ls) -> new Step(kind, shaped(shape, ls)));
        final Arbitrary<Step> change = level.map(l -> new Step(2, List.of(l)));
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, snapshot),
            net.jqwik.api.Tuple.of(4, change)).list().ofMaxSize(60);
    }

    /**
     * Orders a snapshot's levels as venues send them (shape 0: best first per side, 1: worst first,
     * 2: bids and asks interleaved best first, 3: as generated, with duplicates and zeros), so the
     * strictly ordered fast path and the general path both run.
     */
    private static List<long[]> shaped(final int shape, final List<long[]> levels)
    {
        if (shape == 3)
        {
            return levels;
        }
        final TreeMap<Long, long[]> bids = new TreeMap<>();
        final TreeMap<Long, long[]> asks = new TreeMap<>();
        for (final long[] l : levels)
        {
            final boolean bid = l[0] == 0;
            // Keep the book uncrossed-ish but not necessarily: bids below 1000, asks from 1000.
            final long price = bid ? l[1] - 11 : l[1] + 11;
            (bid ? bids : asks).put(price, new long[] {l[0], price, l[2] == 0 ? 1 : l[2]});
        }
        final List<long[]> b = new ArrayList<>(shape == 1 ? bids.values() : bids.descendingMap().values());
        final List<long[]> a = new ArrayList<>(shape == 1 ? asks.descendingMap().values() : asks.values());
        final List<long[]> out = new ArrayList<>();
        if (shape == 2)
        {
            for (int i = 0; i < Math.max(b.size(), a.size()); i++)
            {
                if (i < b.size())
                {
                    out.add(b.get(i));
                }
                if (i < a.size())
                {
                    out.add(a.get(i));
                }
            }
        }
        else
        {
            out.addAll(b);
            out.addAll(a);
        }
        return out;
    }

    @Property(tries = 400)
    void matchesTheClearAndReloadOracle(@ForAll("steps") final List<Step> steps)
    {
        final PriceLevelBook book = new PriceLevelBook(4);
        final Oracle oracle = new Oracle();
        for (final Step step : steps)
        {
            switch (step.kind())
            {
                case 0:
                    book.beginSnapshot();
                    for (final long[] l : step.levels())
                    {
                        book.stageLevel(l[0] == 0, l[1], l[2]);
                    }
                    book.endSnapshot();
                    oracle.snapshot(step.levels());
                    break;
                case 1:
                    book.clear();
                    for (final long[] l : step.levels())
                    {
                        book.bulkAdd(l[0] == 0, l[1], l[2]);
                    }
                    book.finishBulk();
                    oracle.snapshot(step.levels());
                    break;
                default:
                    final long[] l = step.levels().get(0);
                    book.set(l[0] == 0, l[1], l[2]);
                    oracle.set(l[0] == 0, l[1], l[2]);
                    break;
            }
            oracle.assertSame(book);
        }
    }

    @Property(tries = 200)
    void aRepeatedSnapshotWritesNothing(@ForAll("steps") final List<Step> steps)
    {
        final PriceLevelBook book = new PriceLevelBook(4);
        for (final Step step : steps)
        {
            if (step.kind() != 0)
            {
                continue;
            }
            for (int round = 0; round < 2; round++)
            {
                book.beginSnapshot();
                for (final long[] l : step.levels())
                {
                    book.stageLevel(l[0] == 0, l[1], l[2]);
                }
                final int written = book.endSnapshot();
                if (round == 1)
                {
                    assertThat(written).as("levels written by a repeated snapshot").isZero();
                }
            }
        }
    }

    /** The old behaviour: the verbatim old class, a snapshot cleared and bulk loaded, a change set. */
    private static final class Oracle
    {
        private final OldPriceLevelBook old = new OldPriceLevelBook(4);

        void snapshot(final List<long[]> levels)
        {
            old.clear();
            for (final long[] l : levels)
            {
                old.bulkAdd(l[0] == 0, l[1], l[2]);
            }
            old.finishBulk();
        }

        void set(final boolean bid, final long price, final long qty)
        {
            old.set(bid, price, qty);
        }

        void assertSame(final PriceLevelBook book)
        {
            assertSide(book, true);
            assertSide(book, false);
        }

        private void assertSide(final PriceLevelBook book, final boolean bid)
        {
            assertThat(book.depth(bid)).as("depth, bid=%s", bid).isEqualTo(old.depth(bid));
            for (int rank = 0; rank < old.depth(bid); rank++)
            {
                assertThat(book.price(bid, rank)).as("price at rank %d, bid=%s", rank, bid).isEqualTo(old.price(bid, rank));
                assertThat(book.qty(bid, rank)).as("qty at rank %d, bid=%s", rank, bid).isEqualTo(old.qty(bid, rank));
            }
            assertThat(book.bestBid()).isEqualTo(old.bestBid());
            assertThat(book.bestAsk()).isEqualTo(old.bestAsk());
            assertThat(book.isCrossed()).isEqualTo(old.isCrossed());
        }
    }
}
