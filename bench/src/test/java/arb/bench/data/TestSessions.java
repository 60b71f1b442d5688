package arb.bench.data;

import java.nio.file.Path;

import arb.journal.RunDirectory;

/**
 * Points the benchmark data cache at a test's temporary directory and gives tests a small
 * generated session (2 minutes, ~15k events) so nothing depends on a previous run's cache.
 */
public final class TestSessions
{
    public static final int MINUTES = 2;

    private TestSessions()
    {
    }

    public static RunDirectory use(final Path dataDir)
    {
        System.setProperty(BenchSessions.DATA_PROPERTY, dataDir.toString());
        System.setProperty(BenchSessions.MINUTES_PROPERTY, Integer.toString(MINUTES));
        return BenchSessions.session();
    }
}
