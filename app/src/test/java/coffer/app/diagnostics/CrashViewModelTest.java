package coffer.app.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** What the crash dialog shows, and that a burst of failures is one dialog that counts them. */
class CrashViewModelTest {
    private final CrashViewModel viewModel = new CrashViewModel(Path.of("/home/someone/.coffer/logs/coffer.log"));
    private final List<Boolean> opened = new ArrayList<>();

    CrashViewModelTest() {
        viewModel.showing.addListener((o, was, now) -> opened.add(now));
    }

    private static IllegalStateException failure(String message) {
        return new IllegalStateException(message, new ArithmeticException("/ by zero"));
    }

    @Test
    void aFailureOpensTheDialogWithAMessageForPeopleAndTheDetailsForAReport() {
        viewModel.report("coffer-app-io-2", failure("the wallet list was empty"));

        assertThat(opened).containsExactly(true);
        assertThat(viewModel.headline()).isEqualTo("Coffer ran into an unexpected problem");
        assertThat(viewModel.message.get()).startsWith("What you were doing may not have finished.");
        assertThat(viewModel.count.get()).isEmpty();
        assertThat(viewModel.logFileLine()).isEqualTo("Everything is also in the log file: /home/someone/.coffer/logs/coffer.log");
        assertThat(viewModel.details.get())
                .startsWith("Coffer app on Java " + System.getProperty("java.version"))
                .contains("Thread: coffer-app-io-2\njava.lang.IllegalStateException: the wallet list was empty\n\tat "
                        + CrashViewModelTest.class.getName() + ".failure(")
                .contains("Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void aBurstOfTheSameFailureIsOneDialogThatCountsIt() {
        for (int i = 0; i < 40; i++) {
            viewModel.report("JavaFX Application Thread", failure("row " + i));
        }

        assertThat(opened).containsExactly(true);
        assertThat(viewModel.count.get()).isEqualTo("This happened 40 times since this message opened.");
        assertThat(viewModel.details.get()).contains("row 0").doesNotContain("row 1");
    }

    @Test
    void differentProblemsAreDetailedUpToALimitAndTheRestCounted() {
        viewModel.report("a", failure("first"));
        viewModel.report("b", new IllegalArgumentException("second"));
        viewModel.report("c", new UnsupportedOperationException("third"));
        viewModel.report("d", new NullPointerException("fourth"));
        viewModel.report("e", new NullPointerException("fourth again"));

        String details = viewModel.details.get();
        assertThat(details).contains("Thread: a\njava.lang.IllegalStateException: first",
                "Thread: b\njava.lang.IllegalArgumentException: second",
                "Thread: c\njava.lang.UnsupportedOperationException: third",
                "... and 2 more different problem(s): see the log file.");
        assertThat(details).doesNotContain("fourth");
        assertThat(viewModel.count.get())
                .isEqualTo("This happened 5 times since this message opened (5 different problems).");
        assertThat(opened).containsExactly(true);
    }

    @Test
    void onceClosedTheNextFailureOpensAFreshDialog() {
        viewModel.report("a", failure("before"));
        viewModel.report("a", failure("before again"));
        assertThat(viewModel.copyDetails()).contains("before");
        assertThat(viewModel.copied.get()).isTrue();

        viewModel.dismissed();
        viewModel.report("b", new IllegalArgumentException("after"));

        assertThat(opened).containsExactly(true, false, true);
        assertThat(viewModel.count.get()).isEmpty();
        assertThat(viewModel.copied.get()).isFalse();
        assertThat(viewModel.details.get()).contains("after").doesNotContain("before");
    }

    @Test
    void runningOutOfMemorySaysSo() {
        viewModel.report("a", failure("first"));
        viewModel.report("coffer-app-io-1", new OutOfMemoryError("Java heap space"));

        assertThat(viewModel.message.get()).isEqualTo("Coffer ran out of memory. Close it and start it again.");
        assertThat(viewModel.details.get()).contains("java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void copyingGivesTheDetailsAndANewFailureClearsTheCopiedMark() {
        viewModel.report("a", failure("first"));
        String copied = viewModel.copyDetails();

        assertThat(copied).isEqualTo(viewModel.details.get()).contains("IllegalStateException: first");
        viewModel.report("a", new IllegalArgumentException("second"));
        assertThat(viewModel.copied.get()).isFalse();
    }
}
