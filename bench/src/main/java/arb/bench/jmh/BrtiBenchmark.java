package arb.bench.jmh;

import java.util.concurrent.TimeUnit;

import arb.bench.data.BrtiBooks;
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
 * One CF RTI (BRTI) calculation over four venues' books ({@link BrtiCalculator#calculate}), as the
 * index stage runs it every 200 ms of event time: consolidation, the dynamic order-size cap, the
 * price-volume curves, utilized depth and the exponential weights. Between two calculations each
 * book changes as a live feed changes it (ten level quantities near the top per venue, the book
 * touched with the new time: {@link BrtiBooks}), so the calculator's cached merge heads are
 * exercised as live; the ~40 level writes (well under a microsecond) are inside the operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BrtiBenchmark
{
    /** Levels per side of each of the four books. */
    @Param({"100", "1000"})
    public int levels;

    private BrtiBooks books;

    @Setup(Level.Trial)
    public void setUp()
    {
        books = new BrtiBooks(levels);
    }

    @Benchmark
    public long calculate()
    {
        return books.next();
    }
}
