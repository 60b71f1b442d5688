package arb.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One line: SHA-256 over a journal's event payloads, then the event count. */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = "Print SHA-256 over the sequence of event payloads (each prefixed by its 4-byte big-endian length) "
        + "and the event count. Chronicle's files are not hashed: they differ by time of writing.")
public final class DigestCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory.")
    Path dir;

    @Option(names = "--output", description = "Digest the output journal instead of the input journal.")
    boolean output;

    @Override
    public Integer call()
    {
        final RunDirectory run = RunDirectory.open(dir);
        System.out.println(JournalDigest.of(output ? run.output() : run.input()));
        return 0;
    }
}
