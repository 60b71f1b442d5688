package arb.bench.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTest
{
    @Test
    void countsPausesLoggedDuringTheMeasuredPhase(@TempDir final Path tmp) throws Exception
    {
        final Path log = tmp.resolve("gc.log");
        Files.writeString(log, String.join("\n",
            "[0.005s][info][gc] Using G1",
            "[0.314s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->3M(256M) 3.853ms",
            "[3.564s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 64M->42M(256M) 18.846ms",
            "[12.100s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 80M->70M(256M) 2.1ms",
            "[12.2s][info][gc] GC(3) Concurrent Mark Cycle"));
        assertThat(GcCheck.pausesBetween(log, 0, 60_000)).isEqualTo(3);
        assertThat(GcCheck.pausesBetween(log, 3_000, 60_000)).isEqualTo(2);
        assertThat(GcCheck.pausesBetween(log, 3_000, 12_000)).as("after the measured phase").isEqualTo(1);
        assertThat(GcCheck.pausesBetween(log, 12_100, 60_000)).isZero();
        assertThat(GcCheck.pausesBetween(tmp.resolve("missing.log"), 0, 60_000)).isEqualTo(-1);
    }
}
