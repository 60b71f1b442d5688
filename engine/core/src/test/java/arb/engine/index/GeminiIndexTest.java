package arb.engine.index;

import java.util.List;

import arb.engine.book.BookStage;
import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotEncoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemini (Venue 7) in the engine: its books reach the book stage and the cf-rti index uses them when
 * {@code index.cfrti.venues} lists {@code gemini}, and not otherwise (the default keeps the four
 * original venues, so every recorded and generated run replays as before).
 */
class GeminiIndexTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_770_019_200L * S;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final InputEvent event = new InputEvent();
    private long sequence;
    private IndexStage chainIndex;

    private void snapshot(final BookStage books, final IndexStage index, final Venue venue, final long mid, final long recvNs)
    {
        final BookSnapshotEncoder e = new BookSnapshotEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .recvNs(recvNs).venueNs(Scales.NULL).venue(venue).quote(Quote.USD);
        e.parts().clear().first(true).last(true);
        e.seq(Scales.NULL);
        final BookSnapshotEncoder.LevelsEncoder levels = e.levelsCount(2);
        levels.next().side(BookSide.BID).price(usd(mid) - 5 * Scales.PRICE).qty(2 * Scales.QTY);
        levels.next().side(BookSide.ASK).price(usd(mid) + 5 * Scales.PRICE).qty(2 * Scales.QTY);
        deliver(books, index, Events.HEADER_LENGTH + e.encodedLength());
    }

    private void deliver(final BookStage books, final IndexStage index, final int length)
    {
        event.wrap(buffer, length, sequence++);
        index.advanceTo(event.recvNs());
        chainIndex.advanceTo(event.recvNs());
        books.onEvent(event);
        index.onEvent(event);
        chainIndex.onEvent(event);
    }

    private List<IndexValueDecoder> run(final Params params)
    {
        final BookStage books = new BookStage(1000);
        final OutputJournal out = new OutputJournal(null);
        final TestEvents.Capture capture = new TestEvents.Capture();
        final IndexStage index = IndexStage.create(params, books, out);
        chainIndex = index;
        final IndexStage observed = new IndexStage(BrtiSettings.from(params), WeightedLastSettings.defaults(),
            IndexStageSettings.defaults(), capture);
        observed.addSpotVenue(Venue.COINBASE.value(), books.book(Venue.COINBASE.value()), false);
        observed.addSpotVenue(Venue.GEMINI.value(), books.book(Venue.GEMINI.value()), false);
        observed.cfRti().bookValidity(books::isValid);
        snapshot(books, observed, Venue.COINBASE, 60_000, T0 - S / 2);
        snapshot(books, observed, Venue.GEMINI, 60_100, T0 - S / 4);
        final TestEvents ticks = new TestEvents();
        observed.advanceTo(T0 + S);
        observed.onEvent(ticks.tick(T0 + S), 0);
        index.advanceTo(T0 + S);
        index.onEvent(ticks.tick(T0 + S), 0);
        return capture.indexValues().stream().filter(d -> d.method() == IndexMethod.CF_RTI).toList();
    }

    @Test
    void geminiCountsWhenTheIndexListsIt()
    {
        final List<IndexValueDecoder> on = run(Params.defaults().with("index.cfrti.venues=coinbase,gemini"));
        assertThat(on).isNotEmpty();
        final IndexValueDecoder last = on.get(on.size() - 1);
        assertThat(last.venuesUsed() & (1 << Venue.GEMINI.value())).as("Gemini used").isNotZero();
        assertThat(last.value()).isEqualTo(usd(60_050));
        assertThat(chainIndex.cfRti().exclusion(Venue.GEMINI.value())).as("the chain's own index uses Gemini too")
            .isNotEqualTo(VenueExclusion.DISABLED);
    }

    @Test
    void theDefaultVenuesLeaveGeminiOut()
    {
        final List<IndexValueDecoder> off = run(Params.defaults());
        final IndexValueDecoder last = off.get(off.size() - 1);
        assertThat(last.venuesUsed() & (1 << Venue.GEMINI.value())).isZero();
        assertThat(last.value()).isEqualTo(usd(60_000));
        assertThat(chainIndex.cfRti().exclusion(Venue.GEMINI.value())).isEqualTo(VenueExclusion.DISABLED);
    }
}
