package arb.app.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user gets it: the archive the build made, unpacked into an empty directory and
 * run with nothing but a Java runtime on the PATH (no Maven, no source tree): {@code bin/arb demo}
 * must reproduce its live run by replay, and the example configuration must be accepted.
 */
@Tag("slow")
class ReleaseIT
{
    @TempDir
    Path tmp;

    @Test
    void unpackedReleaseRunsTheDemoWithOnlyAJavaRuntime() throws Exception
    {
        final Path archive = Path.of(System.getProperty("arb.dist"));
        assertThat(archive).as("the build's release archive").exists();
        final Path unpacked = tmp.resolve("unpacked");
        Files.createDirectories(unpacked);
        assertThat(run(tmp, List.of("tar", "xzf", archive.toString(), "-C", unpacked.toString()), 120).exit).isZero();
        final Path home;
        try (var dirs = Files.list(unpacked))
        {
            home = dirs.findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/arb")).isExecutable();
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("conf/example.conf")).exists();

        final Path work = tmp.resolve("work");
        Files.createDirectories(work);
        final Result version = run(work, List.of(home.resolve("bin/arb").toString(), "--version"), 60);
        assertThat(version.exit).isZero();
        assertThat(version.out).startsWith("arb ");

        final Result demo = run(work, List.of(home.resolve("bin/arb").toString(), "demo", "--duration", "12s",
            "--out", "demo"), 240);
        assertThat(demo.exit).as(demo.out).isZero();
        assertThat(demo.out).contains("replay reproduced the live run exactly");
        assertThat(work.resolve("demo/live/run.json")).exists();
        assertThat(work.resolve("demo/report.html")).exists();

        final Result replay = run(work, List.of(home.resolve("bin/arb").toString(), "replay", "demo/live", "--config",
            home.resolve("conf/example.conf").toString(), "--out", "with-example-config"), 120);
        assertThat(replay.exit).as(replay.out).isZero();

        final Result bad = run(work, List.of(home.resolve("bin/arb").toString(), "demo", "--duration", "soon"), 60);
        assertThat(bad.exit).isEqualTo(2);

        final Result noJar = run(work, List.of(home.resolve("bin/arb").toString(), "params"), 60,
            Map.of("ARB_CLASSPATH", work.resolve("no-such-plugin.jar").toString()));
        assertThat(noJar.exit).as(noJar.out).isEqualTo(2);
        assertThat(noJar.out).contains("ARB_CLASSPATH entry").contains("no-such-plugin.jar").hasLineCount(1);
    }

    private record Result(int exit, String out)
    {
    }

    /** Runs a command with a minimal environment: the running JVM's java on PATH, nothing else. */
    private static Result run(final Path dir, final List<String> command, final int timeoutSeconds)
        throws IOException, InterruptedException
    {
        return run(dir, command, timeoutSeconds, Map.of());
    }

    /** The same, with extra environment variables. */
    private static Result run(final Path dir, final List<String> command, final int timeoutSeconds,
        final Map<String, String> extraEnv) throws IOException, InterruptedException
    {
        final ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        final Path log = Files.createTempFile(dir.getParent(), "out", ".log");
        pb.redirectOutput(log.toFile());
        final Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.putAll(extraEnv);
        final Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
