package arb.engine.config;

/**
 * One logic parameter: its key, default value (as text) and what it means. Logic parameters change
 * results, so they are journaled with every run (RunStart) and echoed in the output journal.
 */
public record ParamSpec(String key, String defaultValue, String description)
{
}
