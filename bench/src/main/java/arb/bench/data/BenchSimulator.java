package arb.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

import arb.app.live.EnvSettings;
import arb.feeds.ReceiveClock;
import arb.sim.VenueSimulator;
import arb.sim.kalshi.KalshiSim;

/**
 * The venue simulator as {@code arb sim} runs it - the four spot venues and Kalshi (REST and the
 * WebSocket with order book snapshots and deltas) on one loopback port - plus the settings a live
 * run needs to use all of it: a throwaway RSA key the simulator accepts (it verifies no signature
 * unless told a public key), so the Kalshi WebSocket subscribes to order book deltas as with a
 * real key.
 */
public final class BenchSimulator implements AutoCloseable
{
    private final VenueSimulator simulator;

    public BenchSimulator(final long seed, final ReceiveClock clock) throws InterruptedException
    {
        final KalshiSim kalshi = new KalshiSim(clock, new KalshiSim.Config());
        final VenueSimulator built = VenueSimulator.builder().seed(seed).clock(clock).marketListener(kalshi).build();
        kalshi.register(built.routes());
        simulator = built.start();
        kalshi.attach(() -> simulator.model().truePrice());
    }

    public int port()
    {
        return simulator.port();
    }

    /** Adds a throwaway Kalshi key (PEM written into {@code dir}) to a live run's environment settings. */
    public static void withKalshiKey(final EnvSettings env, final Path dir)
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            final byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            final Path pem = dir.resolve("bench-kalshi.pem");
            Files.createDirectories(dir);
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            // a private key readable by others is refused by the engine, as the README asks
            Files.setPosixFilePermissions(pem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            env.set("kalshi.feed.apiKeyId", "bench-key").set("kalshi.feed.privateKeyPath", pem.toString());
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("cannot make a throwaway RSA key", e);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        simulator.close();
    }
}
