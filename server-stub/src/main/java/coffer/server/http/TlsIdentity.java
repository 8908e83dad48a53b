package coffer.server.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS certificate chain and private key, read from PEM files at start: the chain as one or
 * more {@code CERTIFICATE} blocks (the server's own first), the key as unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}). Traditional RSA/EC key files and encrypted keys are refused with the
 * command that converts them, since the JDK reads neither. Whatever is wrong (a missing file, no
 * certificate, a key that is not the certificate's) is an {@link IllegalArgumentException} that says so.
 */
public final class TlsIdentity {
    private static final Logger log = LoggerFactory.getLogger(TlsIdentity.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** Reads and checks a PEM certificate chain and its PKCS#8 private key. */
    public static TlsIdentity fromPem(Path certificateChain, Path privateKey) {
        List<X509Certificate> chain = certificates(certificateChain);
        PrivateKey key = privateKey(privateKey, chain.get(0));
        requireMatch(key, chain.get(0), certificateChain, privateKey);
        try {
            chain.get(0).checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            log.warn("The TLS certificate in {} is not valid now (valid {} to {}); clients will refuse it", certificateChain,
                    chain.get(0).getNotBefore().toInstant(), chain.get(0).getNotAfter().toInstant());
        }
        return new TlsIdentity(key, chain);
    }

    /** The server's own certificate, the first of its chain. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Names the certificate, never the key. */
    @Override
    public String toString() {
        return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
    }

    /** Jetty's TLS setup for this identity: TLS 1.2 and 1.3 only. */
    SslContextFactory.Server serverContext() {
        char[] password = new char[32];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("coffer", key, password, chain.toArray(new X509Certificate[0]));
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setKeyStore(store);
            factory.setKeyStorePassword(new String(password));
            factory.setIncludeProtocols(PROTOCOLS);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the TLS key in memory: " + e.getMessage(), e);
        }
    }

    /**
     * A client context that trusts exactly this server's certificate and nothing else, for the server's
     * calls to itself: they go to {@code localhost}, which the certificate need not name, so the pinned
     * certificate stands in for the usual chain and host name checks.
     */
    public SSLContext trustingItself() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Pinned(certificate())}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the server's calls to itself", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(file, "CERTIFICATE")) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the TLS certificate file " + file + " holds a certificate that cannot be read: "
                    + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the TLS certificate file " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, X509Certificate certificate) {
        String text = read(file, "private key");
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")
                || text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the TLS key file " + file + " holds an encrypted or traditional RSA/EC key; "
                    + "the server reads unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----). Convert it with: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        List<byte[]> keys = blocks(text, "PRIVATE KEY");
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the TLS key file " + file + " must hold exactly one PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----), it holds " + keys.size());
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS key file " + file + " does not hold a " + algorithm
                    + " private key matching the certificate: " + e.getMessage(), e);
        }
    }

    /** Signs a challenge with the key and checks it with the certificate: the one test that works for every key type. */
    private static void requireMatch(PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new IllegalArgumentException("the TLS key in " + keyFile + " is a " + key.getAlgorithm()
                    + " key; the server takes RSA, EC or EdDSA keys");
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new IllegalArgumentException("the TLS key in " + keyFile + " does not belong to the first certificate in "
                    + certificateFile + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }
    }

    private static List<byte[]> blocks(Path file, String type) {
        return blocks(read(file, "certificate"), type);
    }

    private static List<byte[]> blocks(String text, String type) {
        List<byte[]> found = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                found.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return found;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS " + what + " file " + file + ": " + e, e);
        }
    }

    /** Trusts one server certificate, compared byte for byte; never used on the server side. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final X509Certificate pinned;

        Pinned(X509Certificate pinned) {
            this.pinned = pinned;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !chain[0].equals(pinned)) {
                throw new CertificateException("not this server's own certificate");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
