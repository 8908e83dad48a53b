package coffer.server.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} made with the JDK's {@code keytool}, exported to the
 * PEM files {@code serve --tls-cert/--tls-key} read (the key as PKCS#8), and a client context that
 * trusts it.
 *
 * @param certificate the PEM certificate file
 * @param key         the PEM private key file (PKCS#8)
 * @param x509        the certificate itself
 */
public record TlsFiles(Path certificate, Path key, X509Certificate x509) {
    private static final char[] PASSWORD = "test-only".toCharArray();

    /** Makes a fresh key pair and certificate ({@code keyAlgorithm} RSA or EC) in {@code folder}, named {@code name}. */
    public static TlsFiles create(Path folder, String name, String keyAlgorithm) {
        try {
            Path store = folder.resolve(name + ".p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", keyAlgorithm,
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            X509Certificate certificate = (X509Certificate) keys.getCertificate(name);
            PrivateKey key = (PrivateKey) keys.getKey(name, PASSWORD);
            Path certFile = Files.writeString(folder.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
            Path keyFile = Files.writeString(folder.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
            return new TlsFiles(certFile, keyFile, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** A client context that trusts this certificate (and checks the host name as usual). */
    public SSLContext trustingIt() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", x509);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
