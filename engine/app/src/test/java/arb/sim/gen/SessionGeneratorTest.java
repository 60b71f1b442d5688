package arb.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import arb.engine.run.TestRuns;
import arb.journal.Events;
import arb.journal.JournalDigest;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated sessions are reproducible byte for byte, and look like a real run's input. */
class SessionGeneratorTest
{
    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes()
    {
        TestRuns.generate(tmp.resolve("a"), 7, 10, 1.0);
        TestRuns.generate(tmp.resolve("b"), 7, 10, 1.0);
        TestRuns.generate(tmp.resolve("c"), 8, 10, 1.0);
        final JournalDigest.Result a = JournalDigest.of(RunDirectory.open(tmp.resolve("a")).input());
        assertThat(JournalDigest.of(RunDirectory.open(tmp.resolve("b")).input())).isEqualTo(a);
        assertThat(JournalDigest.of(RunDirectory.open(tmp.resolve("c")).input()).sha256()).isNotEqualTo(a.sha256());
    }

    @Test
    void receiveTimesNeverGoBackAndEveryInputTypeAppears()
    {
        TestRuns.generate(tmp.resolve("s"), 3, 20, 1.0);
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(buf);
        final long[] counts = new long[64];
        long last = Long.MIN_VALUE;
        long events = 0;
        try (JournalReader r = new JournalReader(RunDirectory.open(tmp.resolve("s")).input()))
        {
            while (r.next(buf) >= 0)
            {
                final long recv = Events.recvNs(view, 0);
                assertThat(recv).as("recvNs of event %d", events).isGreaterThanOrEqualTo(last);
                last = recv;
                counts[Events.templateId(view, 0)]++;
                events++;
            }
        }
        for (final int template : new int[] {arb.sbe.TradeDecoder.TEMPLATE_ID, arb.sbe.BookSnapshotDecoder.TEMPLATE_ID,
            arb.sbe.BookUpdateDecoder.TEMPLATE_ID, arb.sbe.BestBidOfferDecoder.TEMPLATE_ID,
            arb.sbe.KalshiMarketDecoder.TEMPLATE_ID, arb.sbe.KalshiBookDecoder.TEMPLATE_ID,
            arb.sbe.FeedStatusDecoder.TEMPLATE_ID, arb.sbe.ClockTickDecoder.TEMPLATE_ID,
            arb.sbe.RunStartDecoder.TEMPLATE_ID})
        {
            assertThat(counts[template]).as("events of template %d", template).isPositive();
        }
        // 20 minutes of 200 ms ticks
        assertThat(counts[arb.sbe.ClockTickDecoder.TEMPLATE_ID]).isBetween(5_990L, 6_001L);
    }
}
