package arb.feeds.venue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real third-party recordings in {@code ../shared/data} next to the repository. They are
 * never copied into the project; tests that use them skip when the folder is absent.
 */
final class SharedData
{
    private SharedData()
    {
    }

    /** The file under shared/data, or a skipped test (with the reason) when it is not there. */
    static Path require(final String relative)
    {
        final String root = System.getProperty("arb.root", System.getProperty("user.dir"));
        final Path path = Paths.get(root).toAbsolutePath().normalize().resolve("../shared/data").normalize()
            .resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(path),
            "real venue data not available at " + path + " (../shared/data is outside the project); skipping");
        return path;
    }
}
