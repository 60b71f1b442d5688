package arb.app.live;

import arb.engine.run.ConsumerThreads;
import arb.market.config.EnvValues;

/**
 * The {@code live.*} environment settings of a live run (defaults in {@link LiveEnvCatalog}).
 * Environment only: none of them can change an output.
 *
 * @param tickMs           clock tick interval
 * @param statusIntervalMs status line period
 * @param watchdogStallMs  a consumer behind for this long stops the run
 * @param stopTimeoutMs    longest wait for the feeds to stop and the ring to drain
 * @param waitStrategy     the ring's wait strategy by name
 * @param consumerThreads  ring consumer threads, 1 or 2 ({@code auto} resolved against the core count)
 * @param minFreeDiskMb    stop below this much free disk
 * @param warnFreeDiskMb   warn below this much free disk
 * @param latencyProbe     record receive -> evaluation latency into side files
 * @param maxAllDownMs     stop (exit 3, or 4 if none ever connected) when no spot venue was live this long
 * @param checkpointMs     period of the journal counts and digests recorded in run.json while running
 * @param healthIndexMaxAgeMs  /health is unhealthy when the index is older than this
 * @param healthKalshiMaxAgeMs /health is unhealthy when the last Kalshi quote is older than this
 */
public record LiveConfig(long tickMs, long statusIntervalMs, long watchdogStallMs, long stopTimeoutMs,
    String waitStrategy, int consumerThreads, long minFreeDiskMb, long warnFreeDiskMb, boolean latencyProbe, long maxAllDownMs,
    long checkpointMs, long healthIndexMaxAgeMs, long healthKalshiMaxAgeMs)
{
    public static LiveConfig from(final EnvValues v)
    {
        return new LiveConfig(
            v.getLong("live.tickMs"),
            v.getLong("live.statusIntervalMs"),
            v.getLong("live.watchdogStallMs"),
            v.getLong("live.stopTimeoutMs"),
            v.get("live.waitStrategy"),
            ConsumerThreads.resolve(v.get("live.consumerThreads"), Runtime.getRuntime().availableProcessors()),
            v.getLong("live.minFreeDiskMb"),
            v.getLong("live.warnFreeDiskMb"),
            // anything but "false" keeps the probe on, as before the catalog
            !"false".equalsIgnoreCase(v.get("live.latencyProbe")),
            v.getLong("live.maxAllDownMs"),
            v.getLong("live.checkpointMs"),
            v.getLong("live.healthIndexMaxAgeMs"),
            v.getLong("live.healthKalshiMaxAgeMs"));
    }
}
