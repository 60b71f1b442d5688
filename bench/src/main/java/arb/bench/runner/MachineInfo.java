package arb.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on: what every published number must carry. */
public record MachineInfo(int cpus, String cpu, String jdk, String os, String loadAtStart)
{
    public static MachineInfo current()
    {
        return new MachineInfo(
            Runtime.getRuntime().availableProcessors(),
            readCpuModel(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
            loadAverage());
    }

    /** The 1/5/15-minute load averages, or "?" where /proc is not available. */
    public static String loadAverage()
    {
        try
        {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (final IOException | RuntimeException e)
        {
            return "?";
        }
    }

    private static String readCpuModel()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    public String describe()
    {
        return "nproc " + cpus + ", " + cpu + ", " + jdk + ", " + os;
    }
}
