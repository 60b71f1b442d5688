package arb.engine.broker;

import arb.engine.config.Params;

/**
 * The paper broker's logic parameters (journaled with the run, so a replay fills the same way).
 *
 * @param latencyNs      decision to order arrival: an order fills against the first book received
 *                       at least this long after the decision ({@code broker.latencyMs})
 * @param orderTimeoutNs an order that finds no book within this time after its arrival is cancelled
 *                       ({@code broker.orderTimeoutMs})
 * @param markIntervalNs PositionMark events are emitted at most this often ({@code broker.markIntervalMs})
 */
public record BrokerSettings(long latencyNs, long orderTimeoutNs, long markIntervalNs)
{
    private static final long MS = 1_000_000L;

    public BrokerSettings
    {
        if (latencyNs < 0 || orderTimeoutNs <= 0 || markIntervalNs <= 0)
        {
            throw new IllegalArgumentException("latency >= 0, order timeout > 0, mark interval > 0 required");
        }
    }

    public static BrokerSettings from(final Params params)
    {
        return new BrokerSettings(
            params.getLong("broker.latencyMs") * MS,
            params.getLong("broker.orderTimeoutMs") * MS,
            params.getLong("broker.markIntervalMs") * MS);
    }
}
