package arb.market.config;

/**
 * One environment setting: its key, value type, default (as text; empty when unset by default) and
 * what it means, with its range. Environment settings shape how data is collected (endpoints,
 * timeouts, cadences), never what the engine concludes, so they are not journaled.
 *
 * @param key          full key, e.g. {@code feeds.kraken.depth}
 * @param type         the value's type as shown by {@code arb params --env}: int, ms, number, bool, text, uri, list, enum
 * @param defaultValue default as text ("" = unset)
 * @param description  meaning and range
 */
public record EnvSpec(String key, String type, String defaultValue, String description)
{
}
