package coffer.app;

import coffer.app.diagnostics.LogSetup;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/** Entry point: a class that is not an Application, so the app also starts from a plain classpath. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // setting the log up takes a few hundred ms of a cold JVM: beside JavaFX's start, not inside it
        Thread logging = new Thread(() -> LoggerFactory.getLogger(Launcher.class).info("Coffer app starting on Java {}; "
                + "log file {}", System.getProperty("java.version"), LogSetup.file()), "coffer-log-setup");
        logging.setDaemon(true);
        logging.start();
        try {
            Application.launch(CofferApp.class, args);
        } catch (RuntimeException e) {
            // a failed start is in the log file too, not only on stderr
            LoggerFactory.getLogger(Launcher.class).error("The app could not start", e);
            throw e;
        }
    }
}
