package arb.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import arb.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One line: SHA-256 over a journal's event payloads, then the event count. */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = "Print SHA-256 over the sequence of event payloads (each prefixed by its 4-byte big-endian length) "
        + "and the event count. Chronicle's files are not hashed: they differ by time of writing. The journal is "
        + "checked first (against the counts and digests its run.json records, and Chronicle's framing): a missing, "
        + "empty, truncated or damaged journal exits 2 saying what is wrong.")
public final class DigestCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory.")
    Path dir;

    @Option(names = "--output", description = "Digest the output journal instead of the input journal.")
    boolean output;

    @Override
    public Integer call()
    {
        // The journal is checked against its run.json first; the check's own count and digest are printed.
        System.out.println(JournalGate.require(dir, output ? RunDirectory.OUTPUT : RunDirectory.INPUT).digestLine());
        return 0;
    }
}
