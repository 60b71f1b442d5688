package arb.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JvmOptionsTest
{
    @Test
    void readsOneFlagPerLineSkippingBlanksAndComments(@TempDir final Path tmp) throws Exception
    {
        final Path file = tmp.resolve("jvm.options");
        Files.writeString(file, "# Chronicle\n--add-opens=java.base/java.nio=ALL-UNNAMED\n\n  -Dx=1  \n#-Dy=2\n");
        assertThat(JvmOptions.read(file)).containsExactly("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dx=1");
    }

    @Test
    void forksGetTheProjectsOneFile()
    {
        // Surefire passes the same file (arb.jvm.options) the launcher and scripts/bench use.
        assertThat(JvmOptions.locate()).endsWith(Path.of("scripts", "jvm.options"));
        assertThat(JvmOptions.forForks()).contains("-Dchronicle.analytics.disable=true")
            .anyMatch(f -> f.startsWith("--add-opens=java.base/java.nio"));
    }
}
