package arb.bench.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import arb.feeds.FrameResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decode benchmarks measure the happy path: every case's frame stream, cut from a capture of
 * the engine against the simulator, decodes without a bad frame or a resync, publishes events, and
 * does so again identically after the reset that starts each pass.
 */
class FrameStreamTest
{
    @TempDir
    static Path tmp;
    static List<RecordedFrames.Frame> capture;

    @BeforeAll
    static void record()
    {
        TestSessions.use(tmp);
        System.setProperty(BenchCaptures.SECONDS_PROPERTY, "3");
        capture = RecordedFrames.load(BenchCaptures.simulatorCapture());
    }

    @Test
    void everyCaseDecodesOnTheHappyPathAndRepeatsAfterAReset()
    {
        for (final DecodeCase c : DecodeCase.values())
        {
            final FrameStream stream = new FrameStream(c, capture);
            assertThat(stream.size()).as(c.id()).isGreaterThan(20);
            final int data = stream.verify();
            assertThat(data).as("%s: frames that published", c.id()).isGreaterThan(stream.size() / 2);
            final long before = stream.sink().events();
            int again = 0;
            for (int i = 0; i < stream.size(); i++)
            {
                final int result = stream.decodeNext();
                assertThat(result).as("%s frame %d", c.id(), i).isNotEqualTo(FrameResult.BAD_FRAME);
                again += result == FrameResult.DATA ? 1 : 0;
            }
            assertThat(again).as("%s: same frames publish on the second pass", c.id()).isEqualTo(data);
            assertThat(stream.sink().events() - before).isPositive();
        }
    }

    @Test
    void coinbaseChannelsAreRenumberedConsecutively()
    {
        final FrameStream stream = new FrameStream(DecodeCase.COINBASE_TRADE, capture);
        for (int i = 0; i < stream.size(); i++)
        {
            assertThat(new String(stream.data(), stream.offset(i), stream.length(i), StandardCharsets.UTF_8))
                .contains("\"sequence_num\":" + i + ",");
        }
    }

    @Test
    void jacksonBaselinesReadTheSameNumbersAsFixedPoint()
    {
        assertThat(JacksonBaseline.fixed("65086.17")).isEqualTo(6_508_617_000_000L);
        assertThat(JacksonBaseline.fixed("-0.5")).isEqualTo(-50_000_000L);
        assertThat(JacksonBaseline.fixed("0.123456789")).isEqualTo(12_345_678L);
        assertThat(JacksonBaseline.fixed("BTC-USD")).isEqualTo(Long.MIN_VALUE);
        final byte[] frame = "{\"p\":\"1.5\",\"q\":[2,\"0.25\"],\"x\":1.0}".getBytes(StandardCharsets.UTF_8);
        final JacksonBaseline j = new JacksonBaseline();
        final long expected = 150_000_000L + 2 + 25_000_000L + 100_000_000L + 3; // three one-letter keys
        assertThat(j.streaming(frame, 0, frame.length)).isEqualTo(expected);
        assertThat(j.tree(frame, 0, frame.length)).isEqualTo(expected);
    }
}
