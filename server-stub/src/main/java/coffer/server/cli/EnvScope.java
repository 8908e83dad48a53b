package coffer.server.cli;

import picocli.CommandLine.Option;

/** An operator command's environment ({@code --env}). */
final class EnvScope {
    @Option(names = "--env", required = true, description = "The environment id.")
    String envId;
}
