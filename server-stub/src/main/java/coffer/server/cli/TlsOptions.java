package coffer.server.cli;

import coffer.server.http.TlsIdentity;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --tls-cert FILE --tls-key FILE}: serve HTTPS, and only HTTPS; one without the other is a usage error. */
final class TlsOptions {
    @Option(names = "--tls-cert", required = true, paramLabel = "FILE",
            description = "Serve HTTPS only, with this PEM certificate chain (the server's own certificate first).")
    Path certificate;

    @Option(names = "--tls-key", required = true, paramLabel = "FILE",
            description = "The certificate's private key: PEM, unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----).")
    Path key;

    /** The certificate and key, read and checked against each other. */
    TlsIdentity load() {
        return TlsIdentity.fromPem(certificate, key);
    }
}
