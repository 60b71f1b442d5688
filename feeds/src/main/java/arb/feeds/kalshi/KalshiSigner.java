package arb.feeds.kalshi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Signs Kalshi API requests: {@code KALSHI-ACCESS-SIGNATURE} = base64(RSA-PSS(SHA-256, MGF1 SHA-256,
 * salt 32 bytes) over {@code timestamp_ms + METHOD + path}), sent with {@code KALSHI-ACCESS-KEY} and
 * {@code KALSHI-ACCESS-TIMESTAMP}. The private key is read from a PEM file in PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what Kalshi's key page
 * downloads) form with the JDK alone: a PKCS#1 key is wrapped into PKCS#8 by prefixing the fixed
 * AlgorithmIdentifier, which avoids a dependency on BouncyCastle.
 *
 * <p>The key id and key are credentials: {@link #toString()} never shows them, error messages never
 * quote the file, and nothing here logs. Used on the I/O thread once per connection (cold path).
 */
public final class KalshiSigner
{
    public static final String HEADER_KEY = "KALSHI-ACCESS-KEY";
    public static final String HEADER_TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
    public static final String HEADER_SIGNATURE = "KALSHI-ACCESS-SIGNATURE";
    /** The path the WebSocket handshake signs (query strings are never part of the signed text). */
    public static final String WS_PATH = "/trade-api/ws/v2";

    public static final String ENV_KEY_ID = "KALSHI_API_KEY_ID";
    public static final String ENV_KEY_PATH = "KALSHI_PRIVATE_KEY_PATH";

    /** RSA-PSS as Kalshi documents it: salt length = SHA-256 digest length. */
    public static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    private static final String PKCS1_BEGIN = "-----BEGIN RSA PRIVATE KEY-----";
    private static final String PKCS1_END = "-----END RSA PRIVATE KEY-----";
    private static final String ENCRYPTED_BEGIN = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
    /** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte)0x86, 0x48, (byte)0x86, (byte)0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final String keyId;
    private final PrivateKey key;
    private final Signature signature;

    private KalshiSigner(final String keyId, final PrivateKey key) throws GeneralSecurityException
    {
        if (keyId == null || keyId.isBlank())
        {
            throw new IllegalArgumentException("Kalshi API key id is empty");
        }
        this.keyId = keyId.trim();
        this.key = key;
        this.signature = Signature.getInstance("RSASSA-PSS");
        this.signature.setParameter(PSS);
    }

    /** A signer from a key id and the PEM text of the private key. */
    public static KalshiSigner fromPem(final String keyId, final String pem)
    {
        try
        {
            return new KalshiSigner(keyId, parsePrivateKey(pem));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("Kalshi private key is not a usable RSA key (" + ex.getClass().getSimpleName()
                + ")");
        }
    }

    /** A signer from a key id and the path of a PEM file. */
    public static KalshiSigner fromFile(final String keyId, final Path pemPath)
    {
        checkOwnerOnly(pemPath);
        final String pem;
        try
        {
            pem = Files.readString(pemPath, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the Kalshi private key file " + pemPath + ": "
                + ex.getClass().getSimpleName());
        }
        return fromPem(keyId, pem);
    }

    /**
     * The signer configured by settings, falling back to the environment ({@value #ENV_KEY_ID},
     * {@value #ENV_KEY_PATH}): empty when neither names a key id and a key file; an error when only
     * one of the two is given or the file is not a usable key (so a typo is not mistaken for "no key").
     */
    public static Optional<KalshiSigner> configured(
        final String configKeyId, final String configKeyPath, final Map<String, String> environment)
    {
        final String keyId = firstNonBlank(configKeyId, environment.get(ENV_KEY_ID));
        final String keyPath = firstNonBlank(configKeyPath, environment.get(ENV_KEY_PATH));
        if (keyId == null && keyPath == null)
        {
            return Optional.empty();
        }
        if (keyId == null)
        {
            throw new IllegalArgumentException("a Kalshi private key file is configured but no key id: set kalshi.feed.apiKeyId or "
                + ENV_KEY_ID);
        }
        if (keyPath == null)
        {
            throw new IllegalArgumentException("a Kalshi key id is configured but no private key file: set kalshi.feed.privateKeyPath or "
                + ENV_KEY_PATH);
        }
        return Optional.of(fromFile(keyId, Path.of(keyPath)));
    }

    /**
     * Refuses a private key file that group or others may read or write (the key signs as its owner):
     * the message gives the chmod that fixes it. File systems without POSIX permissions are not checked.
     */
    static void checkOwnerOnly(final Path pemPath)
    {
        final java.util.Set<java.nio.file.attribute.PosixFilePermission> perms;
        try
        {
            perms = Files.getPosixFilePermissions(pemPath);
        }
        catch (final UnsupportedOperationException | IOException ex)
        {
            return;
        }
        final java.util.Set<java.nio.file.attribute.PosixFilePermission> open = java.util.EnumSet.of(
            java.nio.file.attribute.PosixFilePermission.GROUP_READ, java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
            java.nio.file.attribute.PosixFilePermission.OTHERS_READ, java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        open.retainAll(perms);
        if (!open.isEmpty())
        {
            throw new IllegalArgumentException("the Kalshi private key file " + pemPath + " is accessible to group or others ("
                + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "): run chmod 600 " + pemPath);
        }
    }

    /** The key id, for the {@value #HEADER_KEY} header only. */
    public String keyId()
    {
        return keyId;
    }

    /** Base64 RSA-PSS signature of {@code timestampMs + method + path}. */
    public String sign(final long timestampMs, final String method, final String path)
    {
        final byte[] message = (timestampMs + method + path).getBytes(StandardCharsets.US_ASCII);
        try
        {
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("signing failed: " + ex.getClass().getSimpleName());
        }
    }

    /** The signature for the WebSocket handshake ({@code GET /trade-api/ws/v2}). */
    public String signWebSocket(final long timestampMs)
    {
        return sign(timestampMs, "GET", WS_PATH);
    }

    @Override
    public String toString()
    {
        return "KalshiSigner{key=<redacted>}";
    }

    static PrivateKey parsePrivateKey(final String pem) throws GeneralSecurityException
    {
        if (pem == null)
        {
            throw new IllegalArgumentException("Kalshi private key is empty");
        }
        final byte[] pkcs8;
        if (pem.contains(PKCS8_BEGIN))
        {
            pkcs8 = base64Between(pem, PKCS8_BEGIN, PKCS8_END);
        }
        else if (pem.contains(PKCS1_BEGIN))
        {
            pkcs8 = wrapPkcs1(base64Between(pem, PKCS1_BEGIN, PKCS1_END));
        }
        else if (pem.contains(ENCRYPTED_BEGIN))
        {
            throw new IllegalArgumentException("the Kalshi private key is encrypted: export it without a passphrase "
                + "(e.g. openssl pkcs8 -topk8 -nocrypt) and protect the file with permissions instead");
        }
        else
        {
            throw new IllegalArgumentException("the Kalshi private key file is not a PEM private key "
                + "(expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
        }
        final PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        if (key instanceof RSAPrivateKey && ((RSAPrivateKey)key).getModulus().bitLength() < 2048)
        {
            throw new IllegalArgumentException("the Kalshi private key is shorter than 2048 bits");
        }
        return key;
    }

    private static byte[] base64Between(final String pem, final String begin, final String end)
    {
        final int from = pem.indexOf(begin) + begin.length();
        final int to = pem.indexOf(end, from);
        if (to < 0)
        {
            throw new IllegalArgumentException("the Kalshi private key PEM has no END line");
        }
        try
        {
            return Base64.getDecoder().decode(pem.substring(from, to).replaceAll("\\s", ""));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("the Kalshi private key PEM is not valid base64");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { RSAPrivateKey } }. */
    static byte[] wrapPkcs1(final byte[] pkcs1)
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(pkcs1.length + 32);
        body.write(0x02);
        body.write(0x01);
        body.write(0x00);
        body.writeBytes(RSA_ALGORITHM_ID);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(final ByteArrayOutputStream out, final int length)
    {
        if (length < 0x80)
        {
            out.write(length);
        }
        else if (length <= 0xFF)
        {
            out.write(0x81);
            out.write(length);
        }
        else if (length <= 0xFFFF)
        {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        }
        else
        {
            out.write(0x83);
            out.write(length >>> 16);
            out.write((length >>> 8) & 0xFF);
            out.write(length & 0xFF);
        }
    }

    private static String firstNonBlank(final String a, final String b)
    {
        if (a != null && !a.isBlank())
        {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : null;
    }
}
