package coffer.server.cli;

import coffer.server.CofferServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Coffer API (and the bundled provider simulator) until stopped.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--demo", description = "Seed the demo environment 123, user 123, alice and bob (idempotent).")
    boolean demo;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CofferServer server = CofferServer.start(new CofferServer.Options(port, store.toConfig(), demo));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "coffer-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Coffer server listening on " + server.baseUrl());
        out.flush();
        stopped.await();
        return 0;
    }
}
