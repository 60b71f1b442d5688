package arb.feeds.net;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import arb.feeds.ReceiveClock;
import arb.journal.RecordingSink;
import arb.sim.VenueSimulator;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS stays verified: a wss endpoint with a self-signed certificate for {@code localhost} is refused
 * with the default trust store, accepted when the certificate is trusted and the host name matches,
 * and refused again when the host name does not match (127.0.0.1 is not in the certificate).
 */
@Tag("slow")
@Timeout(120)
class TlsVerificationTest
{
    @TempDir
    static Path dir;
    private static VenueSimulator sim;
    private static X509Certificate certificate;
    private static EventLoopGroup group;

    @BeforeAll
    static void startTlsSimulator() throws Exception
    {
        final Path keystore = dir.resolve("sim.p12");
        final Process p = new ProcessBuilder("keytool", "-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname",
            "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore",
            keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret", "-keypass", "secret")
            .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        final KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore))
        {
            ks.load(in, "secret".toCharArray());
        }
        certificate = (X509Certificate)ks.getCertificate("sim");
        final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        sim = VenueSimulator.builder().venues(EnumSet.of(Venue.COINBASE)).ssl(SslContextBuilder.forServer(kmf).build())
            .tickMs(2).build().start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop()
    {
        sim.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private List<RecordingSink.Status> run(final String host, final SslContext clientContext, final FeedState until)
        throws Exception
    {
        final RecordingSink sink = new RecordingSink();
        final FeedsConfig config = FeedsConfig.defaults().onlyVenues("coinbase").fastTimings()
            .with("feeds.coinbase.ws", "wss://" + host + ":" + sim.port() + "/coinbase");
        try (SpotFeeds feeds = new SpotFeeds(group.next(), sink, ReceiveClock.system(), config, new SpotDecoders(config),
            null, clientContext))
        {
            feeds.start();
            SimFeedHarness.await(until.toString(), 5_000,
                () -> sink.statuses(Venue.COINBASE).stream().anyMatch(s -> s.state() == until));
        }
        return sink.statuses(Venue.COINBASE);
    }

    @Test
    void untrustedCertificateIsRefused() throws Exception
    {
        final List<RecordingSink.Status> statuses = run("localhost", SpotFeeds.clientSslContext(), FeedState.DISCONNECTED);
        final RecordingSink.Status failure = statuses.stream().filter(s -> s.state() == FeedState.DISCONNECTED).findFirst()
            .orElseThrow();
        assertThat(failure.reason()).isEqualTo(FeedReason.CONNECT_FAILED);
        assertThat(failure.detail()).containsIgnoringCase("SSL");
        assertThat(statuses).noneMatch(s -> s.state() == FeedState.SUBSCRIBING);
    }

    @Test
    void trustedCertificateWithMatchingHostConnects() throws Exception
    {
        final SslContext trusting = SslContextBuilder.forClient().trustManager(certificate)
            .endpointIdentificationAlgorithm("HTTPS").build();
        final List<RecordingSink.Status> statuses = run("localhost", trusting, FeedState.LIVE);
        assertThat(statuses).anyMatch(s -> s.state() == FeedState.LIVE);
    }

    @Test
    void hostNameMismatchIsRefused() throws Exception
    {
        final SslContext trusting = SslContextBuilder.forClient().trustManager(certificate)
            .endpointIdentificationAlgorithm("HTTPS").build();
        final List<RecordingSink.Status> statuses = run("127.0.0.1", trusting, FeedState.DISCONNECTED);
        assertThat(statuses).noneMatch(s -> s.state() == FeedState.SUBSCRIBING);
        assertThat(statuses.stream().filter(s -> s.state() == FeedState.DISCONNECTED).findFirst().orElseThrow().reason())
            .isEqualTo(FeedReason.CONNECT_FAILED);
    }
}
