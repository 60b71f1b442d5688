package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per run directory: creation and locking are one step (of simultaneous creators exactly
 * one goes on), a held directory is refused with the holder's pid, and a run.json left "running" by a
 * dead writer is rewritten "crashed" by the next reader - but never while the writer lives.
 */
class RunDirectoryLockTest
{
    @TempDir
    Path tmp;

    @Test
    void aSecondWriterIsRefusedWithTheHoldersPid()
    {
        final Path root = tmp.resolve("run");
        final RunDirectory first = RunDirectory.create(root);
        assertThat(first.isLocked()).isTrue();
        assertThat(RunLock.holder(root)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThatThrownBy(() -> RunDirectory.openForWriting(root))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("in use by another arb process (pid " + ProcessHandle.current().pid() + ")");
        // the run got as far as recording itself (a start-up killed before this leaves a directory
        // that may be reused: RunDirectoryTest)
        first.writeRunJson(java.util.Map.of("status", "running"));
        first.release();
        // released: the directory is no longer new, but it can be continued
        assertThatThrownBy(() -> RunDirectory.create(root)).hasMessageContaining("non-empty run directory");
        final RunDirectory again = RunDirectory.openForWriting(root);
        assertThat(again.isLocked()).isTrue();
        again.release();
    }

    @Test
    void ofSimultaneousCreatorsExactlyOneGoesOn() throws Exception
    {
        for (int round = 0; round < 20; round++)
        {
            final Path root = tmp.resolve("race-" + round);
            final int writers = 4;
            final CountDownLatch go = new CountDownLatch(1);
            final ExecutorService pool = Executors.newFixedThreadPool(writers);
            try
            {
                final List<Future<RunDirectory>> results = new ArrayList<>();
                for (int i = 0; i < writers; i++)
                {
                    results.add(pool.submit(() ->
                    {
                        go.await();
                        try
                        {
                            return RunDirectory.create(root);
                        }
                        catch (final IllegalArgumentException refused)
                        {
                            return null;
                        }
                    }));
                }
                go.countDown();
                int won = 0;
                for (final Future<RunDirectory> f : results)
                {
                    final RunDirectory d = f.get(30, TimeUnit.SECONDS);
                    if (d != null)
                    {
                        won++;
                        d.release();
                    }
                }
                assertThat(won).as("round %d", round).isEqualTo(1);
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aStaleRunningIsMarkedCrashedOnlyWhenNoProcessHoldsTheLock() throws Exception
    {
        final Path root = tmp.resolve("run");
        final RunDirectory writer = RunDirectory.create(root);
        writer.writeRunJson(java.util.Map.of("mode", "live", "status", "running"));
        // the writer is alive: a reader leaves the status alone
        RunDirectory.open(root);
        assertThat(RunStatus.read(root)).isEqualTo(RunStatus.RUNNING);
        // the writer is gone (as after kill -9: the OS frees its lock) -> crashed
        writer.release();
        RunDirectory.open(root);
        assertThat(RunStatus.read(root)).isEqualTo(RunStatus.CRASHED);
        assertThat(Files.readString(root.resolve(RunDirectory.RUN_JSON), StandardCharsets.UTF_8))
            .contains("\"crash_detected_at\"").contains("\"mode\"");
        // a finished run is never touched
        writer.writeRunJson(java.util.Map.of("status", "complete"));
        RunDirectory.open(root);
        assertThat(RunStatus.read(root)).isEqualTo(RunStatus.COMPLETE);
    }
}
