package arb.app.live;

import arb.engine.ring.WaitStrategies;
import arb.engine.run.ConsumerThreads;
import arb.feeds.FeedsEnvCatalog;
import arb.market.config.EnvCatalog;
import arb.market.config.Range;

/**
 * Every environment setting of a live run's own machinery ({@code live.*}: clock ticks, status
 * cadence, watchdog, wait strategy, consumer threads, disk guard, latency probe) with its default, and {@link #ALL}:
 * these plus the feeds' settings ({@link FeedsEnvCatalog}), which is what a config file or
 * {@code --set} may name besides logic parameters and what {@code arb params --env} lists.
 */
public final class LiveEnvCatalog
{
    /** The {@code live.*} settings. */
    public static final EnvCatalog LIVE = new EnvCatalog()
        .define("live.tickMs", "ms", "200", "Clock tick interval: the engine sees time pass without market data (> 0)")
        .define("live.statusIntervalMs", "ms", "10000", "Status line period (ms)")
        .define("live.watchdogStallMs", "ms", "10000", "A consumer behind for this long stops the run with exit code 1")
        .define("live.stopTimeoutMs", "ms", "5000", "Longest wait for the feeds to stop and the ring to drain at shutdown")
        .define("live.waitStrategy", "enum", WaitStrategies.DEFAULT,
            "Ring wait strategy of the consumers (`arb` lists the names on a typo); cannot change an output")
        .define("live.consumerThreads", "enum", ConsumerThreads.AUTO,
            "Ring consumer threads: 2 (journaler + chain), 1 (one thread journals then runs the chain), auto "
            + "(1 below " + ConsumerThreads.TWO_THREADS_FROM_CORES + " cores); cannot change an output")
        .define("live.minFreeDiskMb", "int", "1024", "Stop (or refuse to start) below this much free disk (MB) at the run directory")
        .define("live.warnFreeDiskMb", "int", "10240", "Warn below this much free disk (MB)")
        .define("live.latencyProbe", "bool", "true",
            "Record receive -> evaluation latency of every event into side files of the run directory (false: off)")
        .define("live.maxAllDownMs", "ms", "180000",
            "Stop when no spot venue was live this long: exit 3, or 4 if none ever connected")
        .define("live.checkpointMs", "ms", "60000",
            "Period of the journal event counts and digests recorded in run.json while the run goes on")
        .define("live.healthIndexMaxAgeMs", "ms", "10000",
            "/health answers 503 when the index is older than this (wall-clock ms)")
        .define("live.healthKalshiMaxAgeMs", "ms", "30000",
            "/health answers 503 when the last Kalshi quote is older than this (wall-clock ms; runs with Kalshi)")
        .range("live.tickMs", Range.POSITIVE)
        .range("live.statusIntervalMs", Range.POSITIVE)
        .range("live.watchdogStallMs", Range.POSITIVE)
        .range("live.stopTimeoutMs", Range.POSITIVE)
        .choices("live.waitStrategy", WaitStrategies.NAMES)
        .choices("live.consumerThreads", ConsumerThreads.NAMES)
        .range("live.minFreeDiskMb", Range.NON_NEGATIVE)
        .range("live.warnFreeDiskMb", Range.NON_NEGATIVE)
        .range("live.maxAllDownMs", Range.POSITIVE)
        .range("live.checkpointMs", Range.POSITIVE)
        .range("live.healthIndexMaxAgeMs", Range.POSITIVE)
        .range("live.healthKalshiMaxAgeMs", Range.POSITIVE);

    /** Every environment setting: the feeds' ({@code feeds.*}, {@code kalshi.feed.*}, {@code clock.*}) then {@code live.*}. */
    public static final EnvCatalog ALL = new EnvCatalog().include(FeedsEnvCatalog.CATALOG).include(LIVE);

    private LiveEnvCatalog()
    {
    }
}
