package coffer.server.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** Which addresses count as public, so that a webhook may be delivered to them. */
class PublicAddressesTest {
    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            "93.184.215.14, true", "8.8.8.8, true", "1.1.1.1, true", "100.63.255.255, true", "100.128.0.0, true",
            "172.15.255.255, true", "172.32.0.0, true", "192.169.0.1, true", "11.0.0.1, true", "223.255.255.254, true",
            "2606:4700:4700::1111, true", "2a00:1450:4001:80b::200e, true",
            "64:ff9b::808:808, true", "2002:808:808::1, true", "::ffff:8.8.8.8, true",
            "127.0.0.1, false", "127.255.255.254, false", "10.0.0.1, false", "10.255.255.255, false",
            "172.16.0.1, false", "172.31.255.255, false", "192.168.0.1, false", "100.64.0.1, false",
            "100.127.255.255, false", "169.254.169.254, false", "169.254.0.1, false", "0.0.0.0, false", "0.1.2.3, false",
            "224.0.0.1, false", "239.255.255.250, false", "240.0.0.1, false", "255.255.255.255, false",
            "192.0.0.8, false", "192.0.2.1, false", "198.18.0.1, false", "198.51.100.1, false", "203.0.113.1, false",
            "::1, false", "::, false", "::ffff:127.0.0.1, false", "::ffff:169.254.169.254, false", "::127.0.0.1, false",
            "::8.8.8.8, false", "64:ff9b::7f00:1, false", "64:ff9b::a00:1, false", "64:ff9b:1::1, false",
            "2002:7f00:1::, false", "2002:a9fe:a9fe::, false", "fc00::1, false", "fd12:3456::1, false", "fe80::1, false",
            "febf::1, false", "fec0::1, false", "ff02::1, false", "100::1, false", "2001:db8::1, false", "2001::1, false",
            "3fff::1, false", "4000::1, false", "1fff::1, false"})
    void classifies(String literal, boolean expected) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void anIpv6FormOfAnIpv4AddressIsJudgedAsThatAddress() {
        qt().withExamples(5_000).forAll(integers().all()).checkAssert(v4 -> {
            byte[] b = ByteBuffer.allocate(4).putInt(v4).array();
            boolean expected = PublicAddresses.isPublic(address(b));
            assertThat(PublicAddresses.isPublic(address(v6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}, b, 12))))
                    .as("mapped").isEqualTo(expected);
            assertThat(PublicAddresses.isPublic(address(v6(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b}, b, 12))))
                    .as("NAT64").isEqualTo(expected);
            assertThat(PublicAddresses.isPublic(address(v6(new byte[] {0x20, 0x02}, b, 2)))).as("6to4").isEqualTo(expected);
            assertThat(PublicAddresses.isPublic(address(v6(new byte[0], b, 12)))).as("IPv4-compatible, deprecated").isFalse();
        });
    }

    @Test
    void everyAddressOfTheInternalBlocksIsNotPublic() {
        int[][] blocks = {{127 << 24, 8}, {10 << 24, 8}, {(172 << 24) | (16 << 16), 12}, {(192 << 24) | (168 << 16), 16},
                {(169 << 24) | (254 << 16), 16}, {(100 << 24) | (64 << 16), 10}, {0, 8}, {224 << 24, 4}};
        qt().withExamples(2_000).forAll(integers().between(0, blocks.length - 1), integers().all()).checkAssert((i, host) -> {
            int bits = blocks[i][1];
            int address = blocks[i][0] | (host >>> bits);
            assertThat(PublicAddresses.isPublic(address(ByteBuffer.allocate(4).putInt(address).array()))).isFalse();
        });
    }

    private static byte[] v6(byte[] prefix, byte[] v4, int at) {
        byte[] out = new byte[16];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(v4, 0, out, at, 4);
        return out;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
