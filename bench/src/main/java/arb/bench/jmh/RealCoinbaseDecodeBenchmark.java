package arb.bench.jmh;

import java.util.concurrent.TimeUnit;

import arb.bench.data.FrameStream;
import arb.bench.data.JacksonBaseline;
import arb.bench.data.SharedData;
import arb.sbe.Venue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same real Coinbase frames the original system's approach was measured on (52 us per frame
 * with Python's {@code json.loads}, per performance.md): a 25-second real Advanced Trade capture
 * (one ~5 MB BTC-USD level2 snapshot, then updates, trades, tickers, heartbeats, BTC-USD and
 * ETH-USD), read in place from {@code ../shared/data} - only run where that folder exists. One
 * operation is one frame, in recorded order; the production decoder against Jackson readTree and
 * streaming on the same frames. Sampled per frame: the mean includes the two snapshot frames (5 MB
 * BTC-USD, 2.5 MB ETH-USD, once per pass of 1,030 frames) and is what compares with the 52 us mean;
 * the median is a typical incremental frame.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RealCoinbaseDecodeBenchmark
{
    private FrameStream stream;
    private final JacksonBaseline jackson = new JacksonBaseline();

    @Setup(Level.Trial)
    public void setUp()
    {
        stream = new FrameStream("coinbase-real", Venue.COINBASE, SharedData.coinbaseFrames());
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
