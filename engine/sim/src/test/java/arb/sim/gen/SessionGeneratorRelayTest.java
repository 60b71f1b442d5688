package arb.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import arb.journal.RecordingSink;
import arb.sbe.IndexRelayDecoder;
import arb.sim.market.MarketModelConfig;
import org.junit.jupiter.api.Test;

/**
 * The generator's relay of the official index ({@code gen --relay}): one IndexRelay per second, the
 * model's latent price in cents with its trailing average, and every other event exactly as without it.
 */
class SessionGeneratorRelayTest
{
    private static final long START = 1_772_460_000_000_000_000L; // 2026-03-02T14:00:00Z

    private static RecordingSink generate(final boolean relay)
    {
        final RecordingSink sink = new RecordingSink();
        final SessionGenerator gen = new SessionGenerator(new MarketModelConfig().intensity(0.2), 3, START, sink)
            .relay(relay);
        gen.begin(START);
        gen.runUntil(START + 120_000_000_000L);
        return sink;
    }

    @Test
    void oneRelayASecondAndNothingElseChanges()
    {
        final RecordingSink plain = generate(false);
        final RecordingSink relayed = generate(true);
        final List<byte[]> others = new ArrayList<>();
        final List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < relayed.size(); i++)
        {
            if (relayed.templateId(i) == IndexRelayDecoder.TEMPLATE_ID)
            {
                final IndexRelayDecoder r = relayed.relay(i);
                seconds.add(r.venueNs());
                assertThat(r.value() % 1_000_000L).as("cents").isZero();
                assertThat(r.value()).isBetween(50_000_00000000L, 80_000_00000000L);
                assertThat(r.avg60()).isPositive();
            }
            else
            {
                others.add(relayed.events().get(i));
            }
        }
        assertThat(seconds).as("every whole second whose tick is received before the end").hasSize(119);
        for (int i = 0; i < seconds.size(); i++)
        {
            assertThat(seconds.get(i)).isEqualTo(START + (i + 1) * 1_000_000_000L);
        }
        assertThat(others).hasSameSizeAs(plain.events());
        for (int i = 0; i < others.size(); i++)
        {
            assertThat(Arrays.equals(others.get(i), plain.events().get(i))).as("event %d", i).isTrue();
        }
    }
}
