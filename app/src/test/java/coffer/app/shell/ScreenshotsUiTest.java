package coffer.app.shell;

import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.api.ApiClient;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every screen of the main window to {@code target/screenshots/<screen>.png}, so anyone can look
 * at the UI without a display: sign-in before signing in, then each other {@link Screen} as a signed-in
 * demo user once it has finished loading.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    /** Every screen's Alt+letter keys offered twice, listed together at the end. */
    private final List<String> clashes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static String fileName(Screen screen) {
        return screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when no progress indicator shows anywhere in the window: the screen has its data. */
    static boolean settled(FxRobot robot) {
        return robot.lookup(".progress-indicator").queryAllAs(ProgressIndicator.class).stream()
                .noneMatch(ScreenshotsUiTest::showing);
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Screens that fill in after their data arrives (a sync, a QR code): filled in. */
    private static boolean filled(FxRobot robot, Screen screen) {
        return switch (screen) {
            case HOME -> robot.lookup("#homeTotalUSD").tryQuery().isPresent();
            case RECEIVE -> robot.lookup("#requestQr").tryQueryAs(ImageView.class).map(qr -> qr.getImage() != null)
                    .orElse(false);
            default -> true;
        };
    }

    private void render(Screen screen) throws Exception {
        render(screen, fileName(screen));
    }

    private void render(Screen screen, String name) throws Exception {
        Path png = Path.of(System.getProperty("coffer.screenshots", "target/screenshots"), name + ".png");
        Files.deleteIfExists(png);   // an earlier run's file must not pass for this one's
        UiSteps.screenshot(window.stage(), name);
        assertThat(png).as(screen + "'s screenshot").exists();
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight() && colours.size() < 2; y += 3) {
            for (int x = 0; x < image.getWidth() && colours.size() < 2; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as(screen + "'s screenshot is not blank").hasSizeGreaterThan(1);
        WaitForAsyncUtils.asyncFx(() -> MnemonicClashes.in(window.stage().getScene())).get()
                .forEach(clash -> clashes.add(screen + ": " + clash));
    }

    @Test
    void everyScreenIsRenderedToAPng(FxRobot robot) throws Exception {
        waitUntil(() -> window.app().navigation().screen.get() == Screen.SIGN_IN && settled(robot));
        render(Screen.SIGN_IN);
        UiSteps.signIn(robot, InProcessServer.ALICE);
        String trip = organizationAwaitingAnApproval();
        robot.interact(() -> window.app().holders().reload());
        waitUntil(() -> window.app().holders().holders.size() == 2);

        for (Screen screen : Screen.values()) {
            if (screen == Screen.STARTING || screen == Screen.SIGN_IN) {
                continue;   // the page shown while connecting is gone by now; sign-in was rendered above
            }
            robot.interact(() -> window.app().navigation().show(screen));
            waitUntil(() -> window.app().navigation().screen.get() == screen && settled(robot) && filled(robot, screen));
            render(screen);
        }
        // the screens that follow the holder, acting for the organization
        robot.interact(() -> window.app().holders().current.set(window.app().holders().holders.stream()
                .filter(h -> trip.equals(h.organizationId())).findFirst().orElseThrow()));
        for (Screen screen : List.of(Screen.MEMBERS, Screen.APPROVALS, Screen.WALLETS, Screen.HOME)) {
            robot.interact(() -> window.app().navigation().show(screen));
            waitUntil(() -> window.app().navigation().screen.get() == screen && settled(robot) && filled(robot, screen));
            render(screen, fileName(screen) + "-organization");
        }
        assertThat(clashes).as("mnemonics a screen offers twice (" + Texts.locale() + ")").isEmpty();
    }

    /**
     * Alice's organization "Trip" (its id), with Bob a member, a 10.00 USD threshold and Bob's 40.00 USD payment from
     * its wallet waiting for a decision, so the organization's screens have something to show.
     */
    private String organizationAwaitingAnApproval() {
        ApiClient alice = window.app().connection().api();
        OrganizationCreated trip = alice.createOrganization("Trip", "USD");
        String organization = trip.organization().id();
        alice.addMember(organization, InProcessServer.BOB, "member");
        alice.setApprovalThreshold(organization, "10.00");
        String own = alice.accounts().stream().filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        alice.pay(UUID.randomUUID().toString(), new PaymentRequest("100.00", "USD", own, trip.account().id(), null, null));
        ApiClient bob = ApiClient.create(alice.baseUrl());
        bob.login(InProcessServer.BOB, InProcessServer.PASSWORD);
        bob.pay(UUID.randomUUID().toString(), new PaymentRequest("40.00", "USD", trip.account().id(), InProcessServer.BOB,
                "concert tickets", null));
        return organization;
    }
}
