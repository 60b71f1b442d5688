package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiSignerTest
{
    private static KeyPair pair;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    static String pkcs8Pem(final KeyPair keys)
    {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: its third element, an OCTET STRING. */
    static byte[] pkcs1Of(final byte[] pkcs8)
    {
        final int[] at = {0};
        readHeader(pkcs8, at, 0x30);
        final int versionLength = readHeader(pkcs8, at, 0x02);
        at[0] += versionLength;
        final int algorithmLength = readHeader(pkcs8, at, 0x30);
        at[0] += algorithmLength;
        final int keyLength = readHeader(pkcs8, at, 0x04);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + keyLength);
    }

    private static int readHeader(final byte[] der, final int[] at, final int tag)
    {
        assertThat(der[at[0]++] & 0xFF).isEqualTo(tag);
        int length = der[at[0]++] & 0xFF;
        if (length >= 0x80)
        {
            final int bytes = length & 0x7F;
            length = 0;
            for (int i = 0; i < bytes; i++)
            {
                length = (length << 8) | (der[at[0]++] & 0xFF);
            }
        }
        return length;
    }

    static boolean verify(final String base64, final String message, final int saltLength) throws Exception
    {
        final Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength, 1));
        verifier.initVerify(pair.getPublic());
        verifier.update(message.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getDecoder().decode(base64));
    }

    @Test
    void pkcs8SignatureVerifiesWithThePublicKeyOverTheDocumentedMessage() throws Exception
    {
        final KalshiSigner signer = KalshiSigner.fromPem("key-id-1", pkcs8Pem(pair));
        final String signature = signer.signWebSocket(1_703_123_456_789L);
        assertThat(verify(signature, "1703123456789GET/trade-api/ws/v2", 32)).isTrue();
        assertThat(verify(signature, "1703123456790GET/trade-api/ws/v2", 32)).as("other timestamp").isFalse();
        assertThat(verify(signature, "1703123456789GET/trade-api/ws/v2", 20)).as("other salt length").isFalse();
        // PSS is randomised: two signatures differ and both verify.
        final String again = signer.signWebSocket(1_703_123_456_789L);
        assertThat(again).isNotEqualTo(signature);
        assertThat(verify(again, "1703123456789GET/trade-api/ws/v2", 32)).isTrue();
        assertThat(verify(signer.sign(5L, "GET", "/trade-api/v2/markets"), "5GET/trade-api/v2/markets", 32)).isTrue();
    }

    @Test
    void pkcs1KeyAsKalshiDownloadsItSignsTheSame() throws Exception
    {
        final byte[] pkcs1 = pkcs1Of(pair.getPrivate().getEncoded());
        final KalshiSigner signer = KalshiSigner.fromPem("key-id-2", pem("RSA PRIVATE KEY", pkcs1));
        assertThat(verify(signer.signWebSocket(42L), "42GET/trade-api/ws/v2", 32)).isTrue();
        assertThat(KalshiSigner.wrapPkcs1(pkcs1)).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void configurationComesFromSettingsThenEnvironmentAndHalfAConfigurationIsAnError() throws Exception
    {
        final Path file = dir.resolve("kalshi.pem");
        Files.writeString(file, pkcs8Pem(pair));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(KalshiSigner.configured(null, null, Map.of())).isEmpty();
        assertThat(KalshiSigner.configured(" ", "", Map.of())).isEmpty();
        assertThat(KalshiSigner.configured(null, null,
            Map.of(KalshiSigner.ENV_KEY_ID, "env-id", KalshiSigner.ENV_KEY_PATH, file.toString())))
            .get().extracting(KalshiSigner::keyId).isEqualTo("env-id");
        assertThat(KalshiSigner.configured("cfg-id", file.toString(), Map.of(KalshiSigner.ENV_KEY_ID, "env-id")))
            .get().extracting(KalshiSigner::keyId).isEqualTo("cfg-id");
        assertThatThrownBy(() -> KalshiSigner.configured("cfg-id", null, Map.of()))
            .hasMessageContaining("no private key file");
        assertThatThrownBy(() -> KalshiSigner.configured(null, file.toString(), Map.of()))
            .hasMessageContaining("no key id");
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws Exception
    {
        final Path file = dir.resolve("open.pem");
        Files.writeString(file, pkcs8Pem(pair));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KalshiSigner.fromFile("id", file))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chmod 600 " + file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(KalshiSigner.fromFile("id", file).keyId()).isEqualTo("id");
    }

    @Test
    void errorsAndToStringNeverRevealTheKey() throws Exception
    {
        final String secretPem = pkcs8Pem(pair);
        final KalshiSigner signer = KalshiSigner.fromPem("very-secret-id", secretPem);
        assertThat(signer.toString()).doesNotContain("very-secret-id").contains("redacted");

        final String body = secretPem.split("\n")[1];
        final Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, secretPem.replace("-----END PRIVATE KEY-----", ""));
        Files.setPosixFilePermissions(broken, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KalshiSigner.fromFile("id", broken))
            .hasMessageContaining("no END line").hasMessageNotContaining(body);
        assertThatThrownBy(() -> KalshiSigner.fromPem("id", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----"))
            .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> KalshiSigner.fromPem("id", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
            .hasMessageContaining("not a usable RSA key");
        assertThatThrownBy(() -> KalshiSigner.fromPem("id", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
            .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> KalshiSigner.fromPem("id", "hello")).hasMessageContaining("not a PEM private key");
        assertThatThrownBy(() -> KalshiSigner.fromFile("id", dir.resolve("missing.pem")))
            .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> KalshiSigner.fromPem("", secretPem)).hasMessageContaining("key id is empty");
    }
}
