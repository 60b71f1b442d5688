package arb.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import arb.bench.data.BenchSessions;
import arb.engine.model.FairValueModel;
import arb.sbe.StrikeType;
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
 * One fair-value evaluation, as the trading desk makes it on every Kalshi quote: P(YES) of a
 * KXBTC15M market from the index, the strike, the time left, the window's known prints and the
 * volatility ({@link FairValueModel#probabilityYes}, StrictMath throughout so replays are
 * bit-exact). Inputs cycle through 4,096 seeded scenarios spread over a 15-minute window (strikes
 * within +-0.5% of the index, before and inside the 60-second averaging window), so the geometric
 * model's moment cache hits only as often as it does live.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FairValueBenchmark
{
    private static final int SCENARIOS = 4096;
    private static final long SECOND = 1_000_000_000L;

    @Param({"ARITHMETIC", "GEOMETRIC"})
    public String dynamics;

    private FairValueModel model;
    private final long[] index = new long[SCENARIOS];
    private final long[] strike = new long[SCENARIOS];
    private final long[] timeToClose = new long[SCENARIOS];
    private final int[] known = new int[SCENARIOS];
    private final long[] knownSum = new long[SCENARIOS];
    private final double[] sigma = new double[SCENARIOS];
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        model = new FairValueModel(60, SECOND, FairValueModel.Dynamics.valueOf(dynamics), 2_000_000L);
        final SplittableRandom random = new SplittableRandom(BenchSessions.SEED);
        for (int i = 0; i < SCENARIOS; i++)
        {
            final long px = 6_500_000_000_000L + random.nextLong(-200_000_000_000L, 200_000_000_000L);
            index[i] = px;
            strike[i] = px + random.nextLong(-32_500_000_000L, 32_500_000_000L) / 1_000_000 * 1_000_000;
            // Seconds left: 1..900, the last minute (inside the averaging window) as often as live trading sees it.
            final long left = random.nextInt(4) == 0 ? 1 + random.nextInt(60) : 61 + random.nextInt(840);
            timeToClose[i] = left * SECOND - random.nextInt(1_000_000_000);
            known[i] = left >= 60 ? 0 : (int)(60 - left);
            knownSum[i] = known[i] * px;
            sigma[i] = 0.00005 + random.nextDouble() * 0.0002; // per sqrt second: ~30%..120% annualised
        }
    }

    @Benchmark
    public double probabilityYes()
    {
        final int i = next;
        next = (i + 1) & (SCENARIOS - 1);
        return model.probabilityYes(StrikeType.GREATER_OR_EQUAL, strike[i], Long.MIN_VALUE, index[i], timeToClose[i],
            known[i], knownSum[i], sigma[i]);
    }
}
