package coffer.server.metrics;

import coffer.server.ledger.LedgerService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's meters, one registry per server: JVM (memory, GC, threads, class loading, CPU,
 * uptime), the ledger writer (queue depth, last batch size) and, through {@link HttpMetrics}, every
 * HTTP request. {@link MetricsRoutes} serves them in Prometheus text format.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics(LedgerService ledger) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("coffer.ledger.writer.queue.depth", ledger, l -> l.writerQueueDepth())
                .description("Write requests waiting for the ledger's single writer")
                .register(registry);
        Gauge.builder("coffer.ledger.writer.batch.size", ledger, l -> l.writerLastBatchSize())
                .description("Write requests committed together in the writer's last transaction (group commit)")
                .register(registry);
    }

    /** Every meter in Prometheus text exposition format 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    public HttpMetrics http() {
        return new HttpMetrics(registry);
    }

    public MetricsRoutes routes() {
        return new MetricsRoutes(this);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
