package arb.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import arb.engine.index.BrtiCalculator;
import arb.engine.index.BrtiSettings;
import arb.market.book.PriceLevelBook;
import arb.journal.Scales;
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
 * One CF RTI calculation ({@link BrtiCalculator#calculate}) over four venue books of {@code levels}
 * price levels a side (goal: four 100-level books in <= 20 us, 0 B/op with {@code -prof gc}).
 * Books are seeded: level gaps of $0.01..$2.00 and sizes of 0.001..3 BTC with the odd 50-500 BTC
 * wall, four venues a few dollars apart, so the exclusion checks, the cap sample (every order within
 * 5% of the best), the grid and the weights all do their real work. Each invocation advances the
 * calculation time by 200 ms; the books stay current.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BrtiCalculationBenchmark
{
    @Param({"100", "1000"})
    public int levels;

    private BrtiCalculator calculator;
    private PriceLevelBook[] books;
    private long now;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom rnd = new SplittableRandom(20_260_302L);
        calculator = new BrtiCalculator(BrtiSettings.defaults());
        books = new PriceLevelBook[4];
        now = 1_772_460_000_000_000_000L;
        for (int v = 0; v < 4; v++)
        {
            final PriceLevelBook book = new PriceLevelBook(2 * levels);
            final long mid = 65_000 * Scales.PRICE + rnd.nextLong(-500, 500) * Scales.PRICE / 100;
            long bid = mid - rnd.nextLong(1, 200) * Scales.PRICE / 100;
            long ask = mid + rnd.nextLong(1, 200) * Scales.PRICE / 100;
            for (int i = 0; i < levels; i++)
            {
                book.set(true, bid, size(rnd));
                book.set(false, ask, size(rnd));
                bid -= rnd.nextLong(1, 200) * Scales.PRICE / 100;
                ask += rnd.nextLong(1, 200) * Scales.PRICE / 100;
            }
            books[v] = book;
            calculator.addVenue(v + 1, book, false);
        }
    }

    private static long size(final SplittableRandom rnd)
    {
        return rnd.nextInt(50) == 0 ? rnd.nextLong(50, 500) * Scales.QTY : rnd.nextLong(100_000L, 3 * Scales.QTY);
    }

    @Benchmark
    public long calculate()
    {
        now += 200_000_000L;
        for (final PriceLevelBook book : books)
        {
            book.touch(now);
        }
        calculator.calculate(now);
        return calculator.value();
    }
}
