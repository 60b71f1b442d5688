package arb.sim.market;

/**
 * A tiny seeded pseudo-random generator (SplitMix64) with its own uniform, exponential and normal
 * draws, all in StrictMath. Written out rather than taken from java.util so the same seed gives the
 * same numbers on every JDK version and in the interpreter: generated sessions must be
 * byte-for-byte reproducible.
 */
public final class SplitMix64
{
    private long state;
    private boolean haveSpare;
    private double spare;

    public SplitMix64(final long seed)
    {
        this.state = seed;
    }

    public long nextLong()
    {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(final int bound)
    {
        return (int)((nextLong() >>> 33) % bound);
    }

    /** Exponentially distributed with the given mean. */
    public double nextExponential(final double mean)
    {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Standard normal (Marsaglia polar method, StrictMath). */
    public double nextGaussian()
    {
        if (haveSpare)
        {
            haveSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        final double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        haveSpare = true;
        return u * m;
    }
}
