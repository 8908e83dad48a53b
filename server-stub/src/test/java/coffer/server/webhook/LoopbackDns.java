package coffer.server.webhook;

import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * A resolver for tests that knows a few names and answers nothing but loopback addresses: whatever a
 * server resolves through it, a connection can only reach this machine, and no lookup leaves it.
 */
record LoopbackDns(Map<String, List<InetAddress>> names) implements Dns {
    LoopbackDns {
        names = Map.copyOf(names);
        if (!names.values().stream().flatMap(List::stream).allMatch(InetAddress::isLoopbackAddress)) {
            throw new IllegalArgumentException("a test resolver answers loopback addresses only: " + names);
        }
    }

    static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> found = names.get(host);
        if (found == null) {
            throw new UnknownHostException(host + " is not one of this test's names");
        }
        return found;
    }
}
