package arb.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import arb.journal.RecordingSink;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import arb.sim.market.MarketModelConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gemini as a fifth generated venue ({@code gen --gemini}): its own books, updates and trades around
 * the same latent price, and every other event byte for byte as without it (Gemini draws from a
 * random sequence of its own).
 */
@Tag("slow")
@Timeout(120)
class SessionGeneratorGeminiTest
{
    private static final long START = 1_772_460_000_000_000_000L; // 2026-03-02T14:00:00Z

    private static RecordingSink generate(final boolean gemini)
    {
        final RecordingSink sink = new RecordingSink();
        final MarketModelConfig config = new MarketModelConfig().intensity(0.3).series(true, true, 4).gemini(gemini);
        final SessionGenerator gen = new SessionGenerator(config, 5, START, sink);
        gen.begin(START);
        gen.runUntil(START + 180_000_000_000L);
        return sink;
    }

    /** The event's venue, or null for events of no spot venue (Kalshi, ticks, series). */
    private static Venue venue(final RecordingSink sink, final int i)
    {
        final int t = sink.templateId(i);
        if (t == TradeDecoder.TEMPLATE_ID)
        {
            return sink.trade(i).venue();
        }
        if (t == BookSnapshotDecoder.TEMPLATE_ID)
        {
            return sink.snapshot(i).venue();
        }
        if (t == BookUpdateDecoder.TEMPLATE_ID)
        {
            return sink.update(i).venue();
        }
        if (t == BestBidOfferDecoder.TEMPLATE_ID)
        {
            return sink.bbo(i).venue();
        }
        if (t == FeedStatusDecoder.TEMPLATE_ID)
        {
            return sink.status(i).venue();
        }
        return null;
    }

    @Test
    void geminiIsAFifthVenueAndEveryOtherEventIsTheSameWithOrWithoutIt()
    {
        final RecordingSink four = generate(false);
        final RecordingSink five = generate(true);
        final List<byte[]> others = new ArrayList<>();
        int snapshots = 0;
        int updates = 0;
        int trades = 0;
        long lastPrice = 0;
        for (int i = 0; i < five.size(); i++)
        {
            if (venue(five, i) != Venue.GEMINI)
            {
                others.add(five.events().get(i));
                continue;
            }
            final int t = five.templateId(i);
            if (t == BookSnapshotDecoder.TEMPLATE_ID)
            {
                snapshots += five.snapshot(i).parts().first() ? 1 : 0;
                assertThat(five.snapshot(i).quote()).isEqualTo(Quote.USD);
            }
            else if (t == BookUpdateDecoder.TEMPLATE_ID)
            {
                updates++;
            }
            else if (t == TradeDecoder.TEMPLATE_ID)
            {
                trades++;
                lastPrice = five.trade(i).price();
            }
        }
        for (int i = 0; i < four.size(); i++)
        {
            assertThat(venue(four, i)).isNotEqualTo(Venue.GEMINI);
        }
        assertThat(snapshots).as("one initial book (in parts)").isEqualTo(1);
        assertThat(updates).as("about 12 x 0.3 a second for 180 s").isBetween(400, 900);
        assertThat(trades).isPositive();
        assertThat(lastPrice).as("around the latent price").isBetween(55_000_00000000L, 75_000_00000000L);
        assertThat(others).hasSameSizeAs(four.events());
        for (int i = 0; i < others.size(); i++)
        {
            assertThat(Arrays.equals(others.get(i), four.events().get(i))).as("event %d", i).isTrue();
        }
    }
}
