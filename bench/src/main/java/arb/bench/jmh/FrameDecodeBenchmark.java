package arb.bench.jmh;

import java.util.concurrent.TimeUnit;

import arb.bench.data.BenchCaptures;
import arb.bench.data.DecodeCase;
import arb.bench.data.FrameStream;
import arb.bench.data.JacksonBaseline;
import arb.bench.data.RecordedFrames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame decode per venue and message type: the production decoder (frame -> validated book/trade
 * state -> SBE events in a slot) against Jackson {@code readTree} and Jackson's streaming parser on
 * the same frames, in the same run. Frames come from a capture of the engine against the venue
 * simulator (real formats; see {@link BenchCaptures}) and are served in recorded order
 * ({@link FrameStream}); one operation is one frame.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FrameDecodeBenchmark
{
    @Param({"coinbase-level2-update", "coinbase-trade", "kraken-book-update", "kraken-trade", "bitstamp-book-snapshot",
        "bitstamp-trade", "binanceus-depth-diff", "binanceus-trade", "kalshi-orderbook-delta",
        "kalshi-orderbook-snapshot"})
    public String frames;

    private FrameStream stream;
    private final JacksonBaseline jackson = new JacksonBaseline();

    @Setup(Level.Trial)
    public void setUp()
    {
        stream = new FrameStream(DecodeCase.byId(frames), RecordedFrames.load(BenchCaptures.simulatorCapture()));
        stream.verify();
    }

    @Benchmark
    public int decoder()
    {
        return stream.decodeNext();
    }

    @Benchmark
    public long jacksonTree()
    {
        final int i = stream.nextIndex();
        return jackson.tree(stream.data(), stream.offset(i), stream.length(i));
    }

    @Benchmark
    public long jacksonStreaming()
    {
        final int i = stream.nextIndex();
        return jackson.streaming(stream.data(), stream.offset(i), stream.length(i));
    }
}
