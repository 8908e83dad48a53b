package coffer.server.webhook;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import okhttp3.Dns;
import okhttp3.HttpUrl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where partner webhooks may go: an http or https URL without credentials or a fragment, on port 80,
 * 443 or 1024 and up, whose host is a name or an address written plainly, and (unless the operator
 * allowed private targets) on the public internet. Checked when the partner sets the URL, again before
 * every delivery (the URL may predate a rule), and once more on every connection through
 * {@link #publicOnly()}: a name's addresses can change after any check (DNS rebinding), so the
 * delivering client resolves through it and connects only to what it lets through.
 */
final class WebhookTargets {
    static final int MAX_URL = 2048;
    static final String FLAG = "--allow-private-webhooks";
    /** A last label such as {@code 1} or {@code 0x7f}: the host is an IPv4 address, in some spelling. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private final boolean allowPrivate;
    private final Dns dns;

    /**
     * @param allowPrivate let webhooks go to loopback, private and other non-public addresses (the operator's choice)
     * @param dns          resolves host names (the system's resolver, or a test's)
     */
    WebhookTargets(boolean allowPrivate, Dns dns) {
        this.allowPrivate = allowPrivate;
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** Why a URL may not receive webhooks, in words for the partner. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** What the resolver answered with nothing public in it: no connection is made. */
    static final class NonPublicHost extends UnknownHostException {
        NonPublicHost() {
            super("'url' names a host that resolves only to non-public addresses now" + hint());
        }
    }

    /**
     * The URL a partner asks for, in its normal form; INVALID_REQUEST naming {@code url} when it may not
     * receive webhooks. A host name is resolved now too, so that one naming an internal address is
     * refused at once; one that does not resolve yet is accepted (every delivery checks it again).
     */
    String configured(String text) {
        try {
            HttpUrl url = parse(text);
            if (!allowPrivate && !isAddress(url.host())) {
                List<InetAddress> addresses;
                try {
                    addresses = dns.lookup(url.host());
                } catch (UnknownHostException e) {
                    addresses = List.of();
                }
                if (!addresses.stream().allMatch(PublicAddresses::isPublic)) {
                    throw new Refused("'url' names a host that resolves to a non-public address" + hint());
                }
            }
            return url.toString();
        } catch (Refused e) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, e.getMessage(), Map.of("field", "url"));
        }
    }

    /** The stored URL as the delivering client takes it, checked as when it was set (a host name's addresses aside). */
    HttpUrl deliverable(String stored) throws Refused {
        return parse(stored);
    }

    /** Resolves through {@code dns} and keeps only the public addresses, unless private targets are allowed. */
    Dns publicOnly() {
        return host -> {
            List<InetAddress> all = dns.lookup(host);
            if (allowPrivate) {
                return all;
            }
            List<InetAddress> usable = all.stream().filter(PublicAddresses::isPublic).toList();
            if (usable.isEmpty()) {
                throw new NonPublicHost();
            }
            return usable;
        };
    }

    private HttpUrl parse(String text) throws Refused {
        String trimmed = text.strip();
        HttpUrl url = trimmed.length() <= MAX_URL ? HttpUrl.parse(trimmed) : null;
        if (url == null || !url.username().isEmpty() || !url.password().isEmpty() || url.fragment() != null) {
            throw new Refused("'url' must be an absolute http or https URL with a host, without credentials or a fragment,"
                    + " of at most " + MAX_URL + " characters.");
        }
        int port = url.port();
        if (port != 80 && port != 443 && port < 1024) {
            throw new Refused("'url' must use port 80, 443, or one from 1024 up.");
        }
        String host = url.host();
        InetAddress address = isAddress(host) ? literal(host) : null;
        if (address == null && (isAddress(host) || !isName(host))) {
            throw new Refused("'url' names an IPv4 address in an unusual form; write it as four decimal numbers, such as 192.0.2.10.");
        }
        if (address != null && !allowPrivate && !PublicAddresses.isPublic(address)) {
            throw new Refused("'url' points at a non-public address (loopback, private, link-local or otherwise not on"
                    + " the internet)" + hint());
        }
        return url;
    }

    private static String hint() {
        return ". Webhooks go to public addresses only, unless the server runs with " + FLAG + ".";
    }

    /** Whether the (normalised) host is an address written plainly: an IPv6 literal or four decimal numbers. */
    private static boolean isAddress(String host) {
        return host.indexOf(':') >= 0 || DOTTED_QUAD.matcher(host).matches();
    }

    /**
     * Whether the host is a name: its last label is not a number. A host ending in a number is an IPv4
     * address, and any spelling other than four decimal numbers ({@code 2130706433}, {@code 0x7f.1},
     * {@code 127.1}, {@code 0177.0.0.1}) is refused: resolvers read them differently ({@code 0177} is
     * 177 to the JDK and 127 to the C library), so no check of one could be sure what is connected to.
     */
    private static boolean isName(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return !NUMERIC_LABEL.matcher(h.substring(h.lastIndexOf('.') + 1)).matches();
    }

    /** The address a host written plainly as one stands for, or null if it is none after all. */
    private static InetAddress literal(String host) {
        try {
            // an IPv6 literal (the URL parser has checked and normalised it) or a dotted quad: parsed, never looked up
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
