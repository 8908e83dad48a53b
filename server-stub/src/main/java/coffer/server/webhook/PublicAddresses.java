package coffer.server.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses are on the public internet, for partner webhooks: a partner chooses the URL, so
 * without this check Coffer would POST wherever it is told, into the network it runs in. An address is
 * public unless it is in one of IANA's special-purpose blocks (loopback, private, carrier-grade NAT,
 * link-local with the cloud metadata address, unspecified, multicast, documentation, benchmarking,
 * reserved) or, for IPv6, outside global unicast {@code 2000::/3}. IPv6 forms that carry an IPv4
 * address (mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are
 * judged by that IPv4 address; the deprecated IPv4-compatible {@code ::a.b.c.d} is outside
 * {@code 2000::/3}, so never public.
 */
final class PublicAddresses {
    private static final List<Block> NOT_PUBLIC_V4 = blocks(
            "0.0.0.0/8",        // "this network", 0.0.0.0 unspecified
            "10.0.0.0/8",       // private
            "100.64.0.0/10",    // carrier-grade NAT
            "127.0.0.0/8",      // loopback
            "169.254.0.0/16",   // link-local, cloud metadata at 169.254.169.254
            "172.16.0.0/12",    // private
            "192.0.0.0/24",     // IETF protocol assignments
            "192.0.2.0/24",     // documentation
            "192.88.99.0/24",   // 6to4 relay anycast (deprecated)
            "192.168.0.0/16",   // private
            "198.18.0.0/15",    // benchmarking
            "198.51.100.0/24",  // documentation
            "203.0.113.0/24",   // documentation
            "224.0.0.0/4",      // multicast
            "240.0.0.0/4");     // reserved, 255.255.255.255 broadcast
    private static final Block GLOBAL_UNICAST_V6 = Block.of("2000::/3");
    private static final List<Block> NOT_PUBLIC_GLOBAL_V6 = blocks(
            "2001::/23",        // IETF protocol assignments: Teredo, benchmarking, ORCHID
            "2001:db8::/32",    // documentation
            "3fff::/20");       // documentation
    private static final Block MAPPED_V4 = Block.of("::ffff:0:0/96");
    private static final Block NAT64 = Block.of("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16");

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return NOT_PUBLIC_V4.stream().noneMatch(block -> block.contains(b));
        }
        if (MAPPED_V4.contains(b) || NAT64.contains(b)) {
            return isPublic(v4(Arrays.copyOfRange(b, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return isPublic(v4(Arrays.copyOfRange(b, 2, 6)));
        }
        return GLOBAL_UNICAST_V6.contains(b) && NOT_PUBLIC_GLOBAL_V6.stream().noneMatch(block -> block.contains(b));
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(Block::of).toList();
    }

    /** An address block in CIDR notation. */
    private record Block(byte[] prefix, int bits) {
        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] prefix;
            try {
                // a literal address: parsed, never looked up
                prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
            // the JDK reads ::ffff:0:0 as the IPv4 address 0.0.0.0; the block is of 16-byte addresses
            return new Block(cidr.contains(":") && prefix.length == 4 ? mapped(prefix) : prefix,
                    Integer.parseInt(cidr.substring(slash + 1)));
        }

        boolean contains(byte[] address) {
            byte[] p = prefix;
            if (address.length != p.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != p[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (p[full] & mask);
        }

        private static byte[] mapped(byte[] v4) {
            byte[] out = new byte[16];
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(v4, 0, out, 12, 4);
            return out;
        }
    }
}
