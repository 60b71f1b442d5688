package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long live run stops cleanly before its journal can fill the disk, and says how long it has left. */
class DiskGuardTest
{
    private static final long MB = 1L << 20;
    private static final long S = 1_000_000_000L;

    @TempDir
    Path tmp;

    private final AtomicLong free = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong now = new AtomicLong();

    private DiskGuard guard(final long minMb, final long warnMb)
    {
        return new DiskGuard(tmp.resolve("run"), minMb, warnMb, free::get, written::get, now::get);
    }

    @Test
    void refusesToStartBelowTheMinimumSayingWhatToDo()
    {
        free.set(500 * MB);
        assertThatThrownBy(() -> guard(1024, 10_240).checkBeforeStart())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("500.0 MB free").hasMessageContaining("live.minFreeDiskMb=1024")
            .hasMessageContaining("--run-dir");
        free.set(2048 * MB);
        guard(1024, 10_240).checkBeforeStart();
    }

    @Test
    void projectsHoursLeftFromTheRunsOwnWritesWarnsThenStops()
    {
        final DiskGuard g = guard(1024, 4096);
        free.set(20_480 * MB);
        assertThat(g.check()).isEqualTo(DiskGuard.Level.OK);
        assertThat(g.hoursLeft()).isInfinite();

        // The run writes 600 MB a minute for 10 minutes: 14,480 MB free, 13,456 MB above the minimum -> 22.4 minutes
        now.set(600 * S);
        written.set(6_000 * MB);
        free.set(14_480 * MB);
        assertThat(g.check()).as("under 6 hours left at this rate").isEqualTo(DiskGuard.Level.WARN);
        assertThat(g.hoursLeft()).isCloseTo(13_456.0 / 600 / 60, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.describe()).startsWith("disk 14.1 GB free, this run writes 600.0 MB/min (~0 h left) LOW");

        now.set(1_000 * S);
        free.set(1_000 * MB);
        assertThat(g.check()).isEqualTo(DiskGuard.Level.STOP);
        assertThat(g.stopReason()).contains("1000.0 MB").contains("live.minFreeDiskMb=1024");
    }

    @Test
    void onlyTheRunsOwnWritesCountNotOtherProcessesOnTheSameDisk()
    {
        final DiskGuard g = guard(1024, 4096);
        free.set(100_000 * MB);
        g.check();
        now.set(3_600 * S);
        written.set(1_000 * MB); // the run wrote 1 GB an hour: ~98 hours left
        free.set(80_900 * MB); // while others wrote 18 GB: not this run's rate (the alarm said "~5 h left")
        assertThat(g.check()).isEqualTo(DiskGuard.Level.OK);
        assertThat(g.hoursLeft()).isCloseTo(79_876.0 / 1_000, org.assertj.core.data.Offset.offset(1e-6));
        now.set(7_200 * S);
        written.set(1_000 * MB); // the run wrote nothing more: half the rate
        free.set(150_000 * MB); // someone freed space
        assertThat(g.check()).isEqualTo(DiskGuard.Level.OK);
        assertThat(g.describe()).isEqualTo("disk 146.5 GB free, this run writes 8.3 MB/min (~298 h left)");
    }

    @Test
    void liveRefusesToStartOnADiskBelowTheMinimumWithExitCode2AndNoRunDirectory()
    {
        final Path run = tmp.resolve("live");
        final int code = arb.app.cli.Main.run("live", "--run-dir", run.toString(), "--duration", "1s",
            "--set", "live.minFreeDiskMb=" + Long.MAX_VALUE / MB, "--set", "live.warnFreeDiskMb=" + Long.MAX_VALUE / MB);
        assertThat(code).isEqualTo(2);
        assertThat(run).doesNotExist();
    }

    @Test
    void liveRefusesAnUnknownWaitStrategyBeforeCreatingTheRunDirectory()
    {
        final Path run = tmp.resolve("live-ws");
        assertThat(arb.app.cli.Main.run("live", "--run-dir", run.toString(), "--duration", "1s",
            "--set", "live.waitStrategy=fastest")).isEqualTo(2);
        assertThat(run).doesNotExist();
    }

    @Test
    void rejectsAWarningThresholdBelowTheMinimum()
    {
        assertThatThrownBy(() -> guard(2048, 1024)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("live.warnFreeDiskMb");
    }
}
