package coffer.server.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LazyTest {
    @Test
    void nothingIsMadeUntilAsked() {
        AtomicInteger made = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "client " + made.incrementAndGet());
        List<String> closed = new ArrayList<>();
        lazy.ifMade(closed::add);
        assertThat(made).hasValue(0);
        assertThat(closed).isEmpty();

        assertThat(lazy.get()).isEqualTo("client 1");
        lazy.ifMade(closed::add);
        assertThat(closed).containsExactly("client 1");
    }

    @Test
    void threadsAskingTogetherShareOneValue() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = Lazy.of(() -> {
            made.incrementAndGet();
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return lazy.get();
                }));
            }
            go.countDown();
            Object first = got.get(0).get();
            for (Future<Object> f : got) {
                assertThat(f.get()).isSameAs(first);
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
