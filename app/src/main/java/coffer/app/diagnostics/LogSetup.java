package coffer.app.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.util.SimpleInvocationGate;
import coffer.app.settings.AppSettings;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * The app's logging, set up by Logback itself when the first logger is asked for (this class is listed as
 * a Logback {@code Configurator} service): the app's own lines from DEBUG, everything else from INFO, into
 * a rolling file {@value #FILE_NAME} in {@code logs} under the app's home folder; INFO and up also to
 * stderr. At {@value #MAX_FILE_MB} MB the file becomes {@code coffer.1.log} (the one before that
 * {@code coffer.2.log}, and so on), and only {@value #OLD_FILES} old files are kept: the folder never holds
 * more than six files of about {@value #MAX_FILE_MB} MB. A Logback file named by
 * {@code -Dlogback.configurationFile} replaces all of this.
 *
 * <p>Setting Logback up takes a few hundred milliseconds of a cold JVM, so {@code Launcher} starts it on a
 * thread of its own while JavaFX starts.
 *
 * <p>Nothing here filters what is written: log statements never pass a password, a token or a card
 * number, and the bundled server's access log is built so it cannot hold one ({@code RequestLog}).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String FILE_NAME = "coffer.log";
    static final int MAX_FILE_MB = 10;
    static final int OLD_FILES = 5;
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";
    /** Libraries that say much at INFO; the bundled server quiets the same ones. */
    private static final String[] QUIET = {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb"};

    /** Called by Logback through the service loader. */
    public LogSetup() {
    }

    /** The folder the app's log files are in: {@code logs} in the app's home folder. */
    public static Path folder() {
        return AppSettings.home().resolve("logs");
    }

    /** The file being written now; older ones lie beside it. */
    public static Path file() {
        return folder().resolve(FILE_NAME).toAbsolutePath();
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, folder());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Points {@code context} at a rolling file in {@code folder} (created when missing) and at stderr. */
    static void configure(LoggerContext context, Path folder) {
        configure(context, folder, FileSize.valueOf(MAX_FILE_MB + "MB"), SimpleInvocationGate.DEFAULT_INCREMENT);
    }

    /** As {@link #configure(LoggerContext, Path)}, rolling at {@code rollAt}, its size looked at every {@code sizeCheck}. */
    static void configure(LoggerContext context, Path folder, FileSize rollAt, Duration sizeCheck) {
        // Logback reads '\' in a file name pattern as an escape: forward slashes work on every system
        String base = folder.toAbsolutePath().toString().replace('\\', '/') + "/";

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(base + FILE_NAME);
        // a fixed window of old files: cheaper to start than a policy by date, and bounded by count
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(base + "coffer.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLD_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(rollAt);
        trigger.setCheckIncrement(sizeCheck);
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context));
        file.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter info = new ThresholdFilter();
        info.setContext(context);
        info.setLevel(Level.INFO.levelStr);
        info.start();
        stderr.addFilter(info);
        stderr.setEncoder(encoder(context));
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(stderr);
        context.getLogger("coffer.app").setLevel(Level.DEBUG);
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
