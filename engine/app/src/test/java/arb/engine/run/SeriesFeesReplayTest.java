package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.TreeMap;

import arb.engine.model.KalshiFees;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.sbe.FillDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sim.gen.SessionWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fee schedule a session journals for its series is what the paper broker charges in a replay:
 * a series whose fee_multiplier is 2 pays twice the taker fee of every order (Kalshi's per-order
 * accumulator at that multiplier), and {@code broker.fee.multiplier} does not override a schedule the
 * journal holds (it is the fallback for series without one).
 */
@Tag("slow")
@Timeout(300)
class SeriesFeesReplayTest
{
    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate()
    {
        SessionWriter.write(tmp.resolve("m2"), new SessionWriter.Request().seed(11).minutes(30).intensity(0.3)
            .kalshiLagMs(30_000).feeMultiplier("2"), null);
    }

    /** Per order: {sum of fill fees, sum of C x P x (1 - P)}. */
    private static TreeMap<Long, long[]> feesByOrder(final Path run)
    {
        final TreeMap<Long, long[]> orders = new TreeMap<>();
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        final FillDecoder fill = new FillDecoder();
        try (JournalReader r = new JournalReader(RunDirectory.open(run).output()))
        {
            while (r.next(bytes) > 0)
            {
                if (Events.templateId(b, 0) == FillDecoder.TEMPLATE_ID)
                {
                    fill.wrapAndApplyHeader(b, 0, new MessageHeaderDecoder());
                    final long[] o = orders.computeIfAbsent(fill.orderId(), k -> new long[2]);
                    o[0] += fill.fee();
                    o[1] += KalshiFees.feeBase(fill.qty(), fill.price());
                }
            }
        }
        return orders;
    }

    @Test
    void aSeriesWithMultiplierTwoPaysTwiceTheFeeOfEveryOrder()
    {
        TestRuns.replay(tmp.resolve("m2"), tmp.resolve("r2"));
        final TreeMap<Long, long[]> orders = feesByOrder(tmp.resolve("r2"));
        assertThat(orders).isNotEmpty();
        final KalshiFees two = new KalshiFees(2_000_000, KalshiFees.DEFAULT_PRECISION);
        for (final long[] o : orders.values())
        {
            assertThat(o[0]).isEqualTo(two.takerFeeOfBase(o[1]));
            assertThat(o[0]).isGreaterThan(KalshiFees.standard().takerFeeOfBase(o[1]));
        }
    }

    @Test
    void theJournaledScheduleIsChargedWhateverTheFallbackParameterSays()
    {
        TestRuns.replay(tmp.resolve("m2"), tmp.resolve("r2x3"), p -> p.with("broker.fee.multiplier=3"), null);
        final TreeMap<Long, long[]> orders = feesByOrder(tmp.resolve("r2x3"));
        assertThat(orders).isNotEmpty();
        final KalshiFees two = new KalshiFees(2_000_000, KalshiFees.DEFAULT_PRECISION);
        for (final long[] o : orders.values())
        {
            assertThat(o[0]).isEqualTo(two.takerFeeOfBase(o[1]));
        }
    }
}
