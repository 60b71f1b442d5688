package arb.feeds.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The short fuzz run of the test suite (a few seconds): every decoder of {@link FuzzTargets} under
 * mutated real-format frames and under jqwik's own random byte arrays (with its edge cases and
 * shrinking). No input may throw out of a decoder or trip a decoder's last-resort guard. The long
 * campaign over the same targets is {@link FuzzCampaign} ({@code scripts/fuzz --minutes N}).
 */
class DecoderFuzzTest
{
    private static final Map<String, FuzzTargets.Spec> SPECS = new HashMap<>();
    /** One decoder per target for the whole run, so state built by earlier inputs meets later ones. */
    private static final Map<String, FuzzTargets.Target> TARGETS = new HashMap<>();

    static
    {
        for (final FuzzTargets.Spec s : FuzzTargets.all())
        {
            SPECS.put(s.name(), s);
        }
    }

    private static void feed(final String name, final byte[] input)
    {
        final FuzzTargets.Target t = TARGETS.computeIfAbsent(name, n -> SPECS.get(n).factory().get());
        final long before = t.guardFired();
        t.feed(input);
        assertThat(t.guardFired() - before).as("%s: the decoder's last-resort guard caught an exception", name).isZero();
    }

    private static Arbitrary<byte[]> mutants(final String name)
    {
        final FrameMutator m = new FrameMutator(SPECS.get(name).seedBytes());
        return Arbitraries.randomValue(r -> m.next(new SplittableRandom(r.nextLong())));
    }

    private static Arbitrary<byte[]> randomBytes()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<byte[]> coinbase()
    {
        return Arbitraries.oneOf(mutants("coinbase"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> kraken()
    {
        return Arbitraries.oneOf(mutants("kraken"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> bitstamp()
    {
        return Arbitraries.oneOf(mutants("bitstamp"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> binanceus()
    {
        return Arbitraries.oneOf(mutants("binanceus"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> gemini()
    {
        return Arbitraries.oneOf(mutants("gemini"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> kalshiRest()
    {
        return Arbitraries.oneOf(mutants("kalshi-rest"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> kalshiWs()
    {
        return Arbitraries.oneOf(mutants("kalshi-ws"), randomBytes());
    }

    @Provide
    Arbitrary<byte[]> capture()
    {
        return Arbitraries.oneOf(mutants("capture"), randomBytes());
    }

    @Property(tries = 1500, seed = "12")
    void coinbaseDecoderSurvivesAnyFrame(@ForAll("coinbase") final byte[] frame)
    {
        feed("coinbase", frame);
    }

    @Property(tries = 1500, seed = "12")
    void krakenDecoderSurvivesAnyFrame(@ForAll("kraken") final byte[] frame)
    {
        feed("kraken", frame);
    }

    @Property(tries = 1500, seed = "12")
    void bitstampDecoderSurvivesAnyFrame(@ForAll("bitstamp") final byte[] frame)
    {
        feed("bitstamp", frame);
    }

    @Property(tries = 1500, seed = "12")
    void binanceUsDecoderSurvivesAnyFrameOrSnapshot(@ForAll("binanceus") final byte[] frame)
    {
        feed("binanceus", frame);
    }

    @Property(tries = 1500, seed = "12")
    void geminiDecoderSurvivesAnyFrame(@ForAll("gemini") final byte[] frame)
    {
        feed("gemini", frame);
    }

    @Property(tries = 1500, seed = "12")
    void kalshiRestParserSurvivesAnyBody(@ForAll("kalshiRest") final byte[] body)
    {
        feed("kalshi-rest", body);
    }

    @Property(tries = 1500, seed = "12")
    void kalshiWebSocketDecoderSurvivesAnyFrame(@ForAll("kalshiWs") final byte[] frame)
    {
        feed("kalshi-ws", frame);
    }

    @Property(tries = 800, seed = "12")
    void captureReaderSurvivesAnyFile(@ForAll("capture") final byte[] file)
    {
        feed("capture", file);
    }
}
