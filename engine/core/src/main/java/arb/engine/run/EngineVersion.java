package arb.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, from the build (resource filtered by Maven). */
public final class EngineVersion
{
    public static final String VERSION = load();

    private EngineVersion()
    {
    }

    private static String load()
    {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/arb-engine.properties"))
        {
            if (in == null)
            {
                return "dev";
            }
            final Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        }
        catch (final IOException e)
        {
            return "dev";
        }
    }
}
