package coffer.app;

import javafx.application.Application;

/** Entry point: a class that is not an Application, so the app also starts from a plain classpath. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(CofferApp.class, args);
    }
}
