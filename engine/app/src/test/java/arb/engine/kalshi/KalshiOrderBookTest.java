package arb.engine.kalshi;

import static arb.engine.kalshi.KalshiEvents.kprice;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.ContractSide;
import arb.sbe.DataSource;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.PriceStructure;
import org.junit.jupiter.api.Test;

class KalshiOrderBookTest
{
    static final String T = "KXBTC15M-26MAR101015-15";
    static final long CLOSE = KalshiEvents.ns("2026-03-10T14:15:00Z");
    static final long MS = 1_000_000L;

    /** Kalshi's documented example book: bids only, both sides. */
    static final String[] DOC_BOOK = {
        "Y 0.01 200", "Y 0.15 100", "Y 0.20 50", "Y 0.25 20", "Y 0.30 11", "Y 0.31 10", "Y 0.32 10", "Y 0.33 11",
        "Y 0.34 9", "Y 0.35 11", "Y 0.41 10", "Y 0.42 13",
        "N 0.01 100", "N 0.16 3", "N 0.25 50", "N 0.28 19", "N 0.36 5", "N 0.37 50", "N 0.38 300", "N 0.44 29",
        "N 0.45 20", "N 0.56 17"};

    private final KalshiOrderBook book = new KalshiOrderBook(8);
    private final KalshiEvents events = new KalshiEvents(e -> book.apply(e.kalshiBook(), e.recvNs()));

    @Test
    void derivesAsksFromTheOtherSidesBids()
    {
        assertThat(book.isValid()).isFalse();
        assertThat(book.bestYesBid()).isEqualTo(Scales.NULL);
        assertThat(book.yesAsk()).isEqualTo(Scales.NULL);
        events.book(1000, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, DOC_BOOK);
        assertThat(book.isValid()).isTrue();
        assertThat(book.base()).isEqualTo(DataSource.REST);
        assertThat(book.bestYesBid()).isEqualTo(4200);
        assertThat(book.bestYesBidQty()).isEqualTo(1300);
        assertThat(book.bestNoBid()).isEqualTo(5600);
        assertThat(book.yesAsk()).isEqualTo(4400);
        assertThat(book.yesAskQty()).isEqualTo(1700);
        assertThat(book.noAsk()).isEqualTo(5800);
        assertThat(book.noAskQty()).isEqualTo(1300);
        assertThat(book.bestAsk(ContractSide.NO)).isEqualTo(5800);
        assertThat(book.yesLevels()).isEqualTo(12);
        assertThat(book.noLevels()).isEqualTo(10);
        assertThat(book.yesBidPrice(11)).isEqualTo(100);
        assertThat(book.isCrossed()).isFalse();
        assertThat(book.lastUpdateNs()).isEqualTo(1000);
    }

    @Test
    void snapshotInPartsIsValidOnlyWhenComplete()
    {
        final KalshiEvents small = new KalshiEvents(e -> onPart(e.kalshiBook(), e.recvNs()), 5);
        small.book(1000, DataSource.WS, BookKind.SNAPSHOT, 1, T, CLOSE, DOC_BOOK);
        assertThat(partsSeen).isEqualTo(5);
        assertThat(book.isValid()).isTrue();
        assertThat(book.yesLevels() + book.noLevels()).isEqualTo(22);

        // A continuation part without its first part is ignored.
        final KalshiBookDecoder orphan = lastPartCopy;
        book.invalidate();
        assertThat(book.apply(orphan, 2000)).isFalse();
        assertThat(book.isValid()).isFalse();
    }

    private int partsSeen;
    private KalshiBookDecoder lastPartCopy;

    private void onPart(final KalshiBookDecoder part, final long recvNs)
    {
        partsSeen++;
        if (!part.parts().last())
        {
            assertThat(book.apply(part, recvNs)).isTrue();
            assertThat(book.isValid()).as("valid before its last part").isFalse();
        }
        else
        {
            book.apply(part, recvNs);
            final byte[] copy = new byte[part.buffer().capacity()];
            part.buffer().getBytes(0, copy);
            lastPartCopy = new KalshiBookDecoder().wrapAndApplyHeader(new org.agrona.concurrent.UnsafeBuffer(copy), 0,
                new arb.sbe.MessageHeaderDecoder());
        }
    }

    @Test
    void deltasApplyOnTopOfAWebSocketSnapshotOnly()
    {
        events.book(1000, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.42 13", "N 0.56 17");
        events.book(1100, DataSource.WS, BookKind.DELTA, 9, T, CLOSE, "Y 0.43 5");
        assertThat(book.bestYesBid()).as("a delta continues the WS stream, not a REST poll").isEqualTo(4200);
        assertThat(book.ignored()).isEqualTo(1);

        events.book(2000, DataSource.WS, BookKind.SNAPSHOT, 1, T, CLOSE, "Y 0.42 13", "N 0.56 17");
        events.book(2100, DataSource.WS, BookKind.DELTA, 2, T, CLOSE, "Y 0.43 5");
        events.book(2200, DataSource.WS, BookKind.DELTA, 3, T, CLOSE, "N 0.56 -7");
        assertThat(book.bestYesBid()).isEqualTo(4300);
        assertThat(book.bestYesBidQty()).isEqualTo(500);
        assertThat(book.bestNoBidQty()).isEqualTo(1000);
        assertThat(book.seq()).isEqualTo(3);
        events.book(2300, DataSource.WS, BookKind.DELTA, 4, T, CLOSE, "N 0.56 -10");
        assertThat(book.bestNoBid()).isEqualTo(Scales.NULL);
        assertThat(book.yesAsk()).as("no NO bids: no YES offer").isEqualTo(Scales.NULL);
        assertThat(book.isValid()).isTrue();

        // Removing more than a level holds: the book no longer matches the venue.
        events.book(2400, DataSource.WS, BookKind.DELTA, 5, T, CLOSE, "Y 0.43 -6");
        assertThat(book.isValid()).isFalse();
        assertThat(book.breaks()).isEqualTo(1);
        events.book(2500, DataSource.WS, BookKind.DELTA, 6, T, CLOSE, "Y 0.44 1");
        assertThat(book.bestYesBid()).isEqualTo(4200);
    }

    @Test
    void restSnapshotsYieldToALiveWebSocketBookAndTakeOverWhenItBreaks()
    {
        events.book(1000, DataSource.WS, BookKind.SNAPSHOT, 1, T, CLOSE, "Y 0.60 10", "N 0.38 10");
        events.book(1500, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.20 10", "N 0.70 10");
        assertThat(book.bestYesBid()).isEqualTo(6000);
        assertThat(book.lastUpdateNs()).isEqualTo(1000);

        book.invalidateWebSocket();
        assertThat(book.isValid()).isFalse();
        events.book(2000, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.25 10", "N 0.70 10");
        assertThat(book.isValid()).isTrue();
        assertThat(book.base()).isEqualTo(DataSource.REST);
        assertThat(book.bestYesBid()).isEqualTo(2500);
        book.invalidateWebSocket();
        assertThat(book.isValid()).as("a REST book does not depend on the WS stream").isTrue();
    }

    @Test
    void stalenessIsTheAgeOfTheLastAppliedEvent()
    {
        assertThat(book.ageNs(5)).isEqualTo(Long.MAX_VALUE);
        events.book(1_000 * MS, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.42 13");
        assertThat(book.ageNs(3_500 * MS)).isEqualTo(2_500 * MS);
        assertThat(book.ageNs(4_001 * MS)).isEqualTo(3_001 * MS);
        book.invalidate();
        assertThat(book.isValid()).isFalse();
        // whether a quote is fresh enough to trade on is one rule, KalshiMarketState.isQuoteFresh
        // (age, validity and the feed's state): KalshiFreshnessGuardTest
    }

    @Test
    void crossedWhenYesAndNoBidsSumToADollarOrMore()
    {
        events.book(1000, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.50 1", "N 0.50 1");
        assertThat(book.isCrossed()).isTrue();
        events.book(1000, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, T, CLOSE, "Y 0.49 1", "N 0.50 1");
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void pricesRoundToTheMarketsGrid()
    {
        book.priceStructure(PriceStructure.TAPERED_DECI_CENT);
        assertThat(book.floorToTick(kprice("0.0555"))).isEqualTo(kprice("0.055"));
        assertThat(book.ceilToTick(kprice("0.0555"))).isEqualTo(kprice("0.056"));
        assertThat(book.floorToTick(kprice("0.555"))).isEqualTo(kprice("0.55"));
        assertThat(book.ceilToTick(kprice("0.555"))).isEqualTo(kprice("0.56"));
        assertThat(book.floorToTick(kprice("0.9555"))).isEqualTo(kprice("0.955"));
        assertThat(book.isValidPrice(kprice("0.953"))).isTrue();
        assertThat(book.isValidPrice(kprice("0.553"))).isFalse();
        book.priceStructure(PriceStructure.LINEAR_CENT);
        assertThat(book.isValidPrice(kprice("0.953"))).isFalse();
        assertThat(book.floorToTick(kprice("0.953"))).isEqualTo(kprice("0.95"));
        assertThat(book.ceilToTick(kprice("0.001"))).isEqualTo(kprice("0.01"));
    }

    @Test
    void applyingAndWalkingAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final KalshiOrderBook quiet = new KalshiOrderBook(64);
        // Encode once (the test builder allocates), then measure the book alone on the encoded events.
        final byte[][] encoded = new byte[3][];
        final int[] lengths = new int[3];
        final KalshiEvents capture = new KalshiEvents(e ->
        {
            final int i = (int)e.sequence();
            encoded[i] = new byte[e.length()];
            e.buffer().getBytes(0, encoded[i]);
            lengths[i] = e.length();
        });
        capture.book(1, DataSource.WS, BookKind.SNAPSHOT, 1, T, CLOSE, DOC_BOOK);
        capture.book(2, DataSource.WS, BookKind.DELTA, 2, T, CLOSE, "Y 0.43 5");
        capture.book(3, DataSource.WS, BookKind.DELTA, 3, T, CLOSE, "Y 0.43 -5");
        final arb.engine.chain.InputEvent view = new arb.engine.chain.InputEvent();
        final org.agrona.concurrent.UnsafeBuffer[] buffers = new org.agrona.concurrent.UnsafeBuffer[3];
        for (int i = 0; i < 3; i++)
        {
            buffers[i] = new org.agrona.concurrent.UnsafeBuffer(encoded[i]);
        }
        for (int round = 0; round < 20_000; round++)
        {
            for (int i = 0; i < 3; i++)
            {
                view.wrap(buffers[i], lengths[i], i);
                quiet.apply(view.kalshiBook(), round);
            }
        }
        // Best of three measurements: a one-off JIT event must not fail the test, a real per-event
        // allocation shows up in every one of them.
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < 1_000; round++)
            {
                for (int i = 0; i < 3; i++)
                {
                    view.wrap(buffers[i], lengths[i], i);
                    quiet.apply(view.kalshiBook(), round);
                }
            }
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(allocated).isLessThanOrEqualTo(64); // the counter read itself may cost a few bytes
        assertThat(quiet.isValid()).isTrue();
    }
}
