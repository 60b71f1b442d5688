package arb.feeds.kalshi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real third-party data that lives outside the project ({@code ../shared/data} next to
 * the checkout, or {@code $ARB_SHARED_DATA}). Tests that read it skip, saying why, when it is absent:
 * the project's own tests never depend on it.
 */
final class SharedData
{
    private SharedData()
    {
    }

    static Path require(final String relative)
    {
        final String env = System.getenv("ARB_SHARED_DATA");
        final Path base = env != null
            ? Path.of(env)
            : Path.of(System.getProperty("arb.root", ".")).resolve("../shared/data").normalize();
        final Path file = base.resolve(relative);
        assumeTrue(Files.isRegularFile(file),
            "skipped: real Kalshi data " + file + " is absent (it is not part of the project)");
        return file;
    }
}
