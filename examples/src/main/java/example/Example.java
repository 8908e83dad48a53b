package example;

import coffer.core.money.Money;
import coffer.server.library.Wallet;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the three example programs share: where their ledger lives, how they say what happens, and their checks. */
final class Example {

    private Example() {
    }

    /** The data folder named on the command line, or a new temporary one. */
    static Path dataDir(String[] args) throws java.io.IOException {
        return args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("coffer-example");
    }

    static void say(String line) {
        System.out.println(line);
    }

    static String show(Wallet wallet) {
        return wallet.userRef() + " " + wallet.balance() + " (available " + wallet.available() + ", " + wallet.status() + ")";
    }

    /** Stops the program with a non-zero exit when the library did not do what the example says it does. */
    static void expect(Money actual, String expected, String what) {
        if (!actual.toDecimalString().equals(expected)) {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + actual.toDecimalString());
        }
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
