package arb.bench.runner;

/** How long {@code scripts/bench} runs: full, quick (under 5 minutes on 2 cores) or smoke (proves everything starts). */
enum BenchMode
{
    FULL, QUICK, SMOKE
}
