package coffer.server;

import coffer.server.cli.EnvCommand;
import coffer.server.cli.KycCommand;
import coffer.server.cli.ServeCommand;
import coffer.server.cli.SignCommand;
import coffer.server.cli.TriggerCommand;
import coffer.server.cli.WalletCommand;
import coffer.server.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code java -jar coffer-server.jar serve|verify|env|kyc|wallet|sign|trigger ...}. Exit codes: 0 success, 1 ledger
 * violations ({@code verify}), a change the ledger refused (operator commands) or a test webhook the receiver did not
 * acknowledge ({@code trigger}), 2 bad usage, 3 the command
 * could not run (for example the database is unreachable).
 */
@Command(name = "coffer-server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "The Coffer wallet server.")
public final class Main implements Runnable {
    /** Every command, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, VerifyCommand.class, EnvCommand.class,
            KycCommand.class, WalletCommand.class, SignCommand.class, TriggerCommand.class);

    /** Exit code when a command fails for a reason other than bad usage. */
    public static final int FAILED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and answers its exit code (without exiting). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output going to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("coffer-server: " + describe(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    /**
     * The command that {@code args} name, alone, else every command: picocli reads the annotations of every
     * command it is given before it parses anything, and a server's start needs none of the operator commands'.
     */
    static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"coffer-server " + Version.current()};
        }
    }
}
