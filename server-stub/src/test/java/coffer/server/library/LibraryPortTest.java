package coffer.server.library;

import coffer.core.error.ErrorCode;
import coffer.server.ProviderMode;
import coffer.server.testing.ListeningSockets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The library opens a port only for a provider that calls Coffer back, and then on loopback only. */
class LibraryPortTest {
    @TempDir
    Path data;

    @BeforeEach
    void linux() {
        assumeTrue(ListeningSockets.readable(), "reads this process's listening sockets from /proc");
    }

    @Test
    void withoutAProviderTheLibraryListensOnNoPortAndStillMovesMoney() {
        Set<InetSocketAddress> before = ListeningSockets.ofThisProcess();
        try (Coffer coffer = Coffer.open(CofferConfig.sqlite(data))) {
            assertThat(opened(before)).as("ports opened by Coffer.open without a provider").isEmpty();
            Wallet a = coffer.wallets().getWallet("a");
            coffer.wallets().deposit(a, new BigDecimal("10.00"), null);
            coffer.wallets().transfer(a, coffer.wallets().getWallet("b"), new BigDecimal("4.00"), null);
            assertThat(coffer.wallets().getBalance(a).toDecimalString()).isEqualTo("6.00");
            assertThatThrownBy(() -> coffer.cards().initializeCardCharge(a, BigDecimal.ONE, "https://shop.example/", false))
                    .isInstanceOfSatisfying(WalletException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
            assertThatThrownBy(() -> coffer.server().baseUrl()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aProviderThatCallsBackGetsOnePortOnLoopback() {
        Set<InetSocketAddress> before = ListeningSockets.ofThisProcess();
        try (Coffer coffer = Coffer.open(CofferConfig.sqlite(data).withProvider(ProviderMode.SIMULATOR))) {
            Set<InetSocketAddress> opened = opened(before);
            assertThat(opened).hasSize(1);
            InetSocketAddress bound = opened.iterator().next();
            assertThat(bound.getAddress().isLoopbackAddress()).as("bound to %s", bound).isTrue();
            assertThat(bound.getPort()).isEqualTo(coffer.server().port());
        }
        assertThat(opened(before)).as("closed with the library").isEmpty();
    }

    private static Set<InetSocketAddress> opened(Set<InetSocketAddress> before) {
        Set<InetSocketAddress> now = new HashSet<>(ListeningSockets.ofThisProcess());
        now.removeAll(before);
        return now;
    }
}
