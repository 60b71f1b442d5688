package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run directories are private to their owner and never mix two runs. */
class RunDirectoryTest
{
    @TempDir
    Path tmp;

    private static String mode(final Path p) throws IOException
    {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void runDirectoriesJournalsAndRunJsonAreOwnerOnly() throws IOException
    {
        final RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        try (JournalWriter w = new JournalWriter(run.input()))
        {
            w.append(new byte[32], 0, 32);
        }
        run.writeRunJson(Map.of("status", "complete"));
        assertThat(mode(run.root())).isEqualTo("rwx------");
        assertThat(mode(run.input())).isEqualTo("rwx------");
        assertThat(mode(run.output())).isEqualTo("rwx------");
        assertThat(mode(run.runJson())).isEqualTo("rw-------");
        try (Stream<Path> s = Files.list(run.input()))
        {
            assertThat(s.toList()).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }
        assertThat(Files.exists(run.root().resolve("run.json.tmp"))).isFalse();
    }

    @Test
    void theEmptyInputAndOutputOfAKilledStartUpDoNotBlockTheName() throws IOException
    {
        final Path root = tmp.resolve("killed");
        Files.createDirectories(root.resolve(RunDirectory.INPUT));
        Files.createDirectories(root.resolve(RunDirectory.OUTPUT));
        assertThat(RunDirectory.create(root).root()).isEqualTo(root);
    }

    @Test
    void aDirectoryWithAnyFileIsRefused() throws IOException
    {
        final Path root = tmp.resolve("used");
        Files.createDirectories(root.resolve(RunDirectory.INPUT));
        Files.writeString(root.resolve(RunDirectory.INPUT).resolve("metadata.cq4t"), "x");
        assertThatThrownBy(() -> RunDirectory.create(root)).hasMessageContaining("non-empty");
        final Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> RunDirectory.create(other)).hasMessageContaining("non-empty");
    }
}
