package coffer.server.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An operator command's target: the environment ({@code --env}) in the ledger at {@code --data} or {@code --db}. */
final class EnvScope {
    @Option(names = "--env", required = true, description = "The environment id.")
    String envId;

    @Mixin
    StoreOptions store;
}
