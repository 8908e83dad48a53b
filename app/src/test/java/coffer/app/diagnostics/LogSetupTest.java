package coffer.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import coffer.app.settings.AppSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** The app writes its log to a file in its home folder (and INFO and up to stderr), through one SLF4J backend. */
class LogSetupTest {
    @TempDir
    Path home;

    /** A Logback context of the test's own, apart from the one the app's loggers use. */
    static LoggerContext separateContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    @Test
    void theLogFileIsCreatedInTheGivenFolderAndALoggedLineLandsInIt() throws Exception {
        Path folder = home.resolve("logs");
        LoggerContext context = separateContext();
        LogSetup.configure(context, folder);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            Logger log = context.getLogger("coffer.app.sync.Something");
            log.info("Sync finished after {} pages", 3);
            log.debug("Event stream dropped: for the file only");
            context.getLogger("org.eclipse.jetty.server.Server").info("Started the connector");
        } finally {
            context.stop();
            System.setErr(original);
        }

        Path file = folder.resolve(LogSetup.FILE_NAME);
        assertThat(file).exists();
        String written = Files.readString(file);
        assertThat(written).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* INFO  \\[[^]]+] "
                + "coffer\\.app\\.sync\\.Something - Sync finished after 3 pages");
        assertThat(written).contains("DEBUG").contains("Event stream dropped: for the file only");
        assertThat(written).doesNotContain("Started the connector");
        String console = stderr.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Sync finished after 3 pages").doesNotContain("Event stream dropped");
    }

    @Test
    void aFullFileRollsOverAndOnlyAFewOldFilesAreKept() throws Exception {
        LoggerContext context = separateContext();
        LogSetup.configure(context, home, FileSize.valueOf("1KB"), Duration.buildByMilliseconds(0));
        Logger log = context.getLogger("coffer.app.local.SyncEngine");
        for (int i = 0; i < 200; i++) {
            log.debug("Applied page {} of the sync, 1000 changes", i);
        }
        context.stop();

        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "coffer.1.log", "coffer.2.log", "coffer.3.log", "coffer.4.log", "coffer.5.log", "coffer.log");
        }
        assertThat(Files.readString(home.resolve("coffer.log"))).contains("Applied page 199 of the sync");
        assertThat(Files.size(home.resolve("coffer.5.log"))).isBetween(1024L, 2048L);
    }

    @Test
    void theAppsLoggingIsLogbacksOnlyAndWritesUnderTheAppsHomeFolder() {
        List<SLF4JServiceProvider> backends = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(backends).singleElement().isInstanceOf(LogbackServiceProvider.class);

        LoggerFactory.getLogger(LogSetupTest.class).info("The app's log is {}", LogSetup.file());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<?> file = (RollingFileAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        assertThat(Path.of(file.getFile())).isEqualTo(LogSetup.file());
        // the build points coffer.home into target, so tests never write into the user's own folder
        assertThat(LogSetup.file()).startsWith(AppSettings.home().toAbsolutePath());
        assertThat(LogSetup.file().startsWith(Path.of(System.getProperty("user.home"), ".coffer"))).isFalse();
        assertThat(LogSetup.file()).exists();
    }
}
