package arb.engine.report;

import java.nio.file.Path;

public final class HtmlReport
{
    public static Path write(final Path runDir, final Path file)
    {
        throw new UnsupportedOperationException("todo");
    }
}
