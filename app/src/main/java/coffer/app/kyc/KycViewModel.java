package coffer.app.kyc;

import coffer.app.api.IdentityApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.StatusPoll;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import coffer.core.api.KycTypes.KycStatusResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Identity verification: the user's status, tier and limits (and what is left of today's), and the
 * form that submits their identity. The verifier decides a little after a submission; until then the
 * status is asked again with a growing pause, so the decision and the new limits show without the
 * user refreshing.
 */
public final class KycViewModel extends ScreenViewModel {
    /** The longest pause between two questions while a decision is awaited. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** How long a decision is awaited on this screen before the user is told to look again later. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String PENDING = "pending";
    private static final String VERIFIED = "verified";
    private static final String REJECTED = "rejected";

    private final IdentityApi api;
    private final Duration firstPause;
    private final Clock clock;
    /** {@code unverified}, {@code pending}, {@code verified} or {@code rejected}; empty until loaded. */
    public final StringProperty status = new SimpleStringProperty("");
    public final StringProperty statusText = new SimpleStringProperty("");
    public final StringProperty tier = new SimpleStringProperty("");
    public final StringProperty perTransaction = new SimpleStringProperty("");
    public final StringProperty daily = new SimpleStringProperty("");
    public final StringProperty maxBalance = new SimpleStringProperty("");
    public final StringProperty remainingToday = new SimpleStringProperty("");
    public final StringProperty fullName = new SimpleStringProperty("");
    /** ISO-8601 date, such as 1990-04-23. */
    public final StringProperty dateOfBirth = new SimpleStringProperty("");
    public final StringProperty country = new SimpleStringProperty("");
    /** One of {@link #documentTypes()}. */
    public final StringProperty documentType = new SimpleStringProperty(KycInput.DOCUMENT_TYPES.get(0));
    public final StringProperty documentNumber = new SimpleStringProperty("");
    /** The simulated verifier's test values; empty against a real server. */
    public final StringProperty hint = new SimpleStringProperty("");
    /** True when the user may submit: not verified, nothing pending, nothing under way. */
    public final BooleanBinding canSubmit = Bindings.createBooleanBinding(() -> !state.isBusy()
            && (status.get().equals("unverified") || status.get().equals(REJECTED)), state.busy, status);

    /**
     * @param firstPause the pause before the status is first asked again after a submission; it doubles
     *                   each time up to {@link #MAX_PAUSE}
     * @param testValues true when the bundled server's simulated verifier decides (its test values are hinted)
     */
    public KycViewModel(IdentityApi api, BackgroundExecutor executor, Duration firstPause, boolean testValues,
                        Clock clock) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.firstPause = Objects.requireNonNull(firstPause, "firstPause");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (testValues) {
            hint.set(Texts.text("kyc.hint"));
        }
    }

    public List<String> documentTypes() {
        return KycInput.DOCUMENT_TYPES;
    }

    /** A document type as the user reads it: {@code id_card} → "ID card". */
    public String documentTypeName(String type) {
        return type == null || !KycInput.DOCUMENT_TYPES.contains(type) ? "" : Texts.text("kyc.document." + type);
    }

    /** Shows the status; a decision still pending is then awaited. */
    public void load() {
        state.clearError();
        StatusPoll<KycStatusResponse> decision = awaitDecision();
        state.run(api::kyc, kyc -> {
            show(kyc);
            if (PENDING.equals(kyc.status())) {
                state.working();
                decision.later(api::kyc);
            }
        });
    }

    /** The server announced a change: shows it, unless a decision is being awaited already. */
    public void refresh() {
        if (!state.isBusy()) {
            load();
        }
    }

    /** Checks the form, then submits it and awaits the verifier's decision. */
    public void submit() {
        state.clear();
        KycInput input = new KycInput(fullName.get(), dateOfBirth.get(), country.get(), documentType.get(),
                documentNumber.get());
        Optional<String> problem = input.problem(LocalDate.now(clock));
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        StatusPoll<KycStatusResponse> decision = awaitDecision();
        state.begin(() -> api.submitKyc(input.request()), submitted -> {
            documentNumber.set("");
            status.set(submitted.status());
            statusText.set(Names.kycStatus(submitted.status()));
            state.notice(Texts.text("kyc.submitted"));
            decision.later(api::kyc);
        });
    }

    /**
     * The status asked again after a pause that doubles from the first one up to {@link #MAX_PAUSE}, until the
     * verifier decided or for {@link #PATIENCE} at most; it stops the wait before it.
     */
    private StatusPoll<KycStatusResponse> awaitDecision() {
        return state.<KycStatusResponse>poll(firstPause).doubling(MAX_PAUSE)
                .within(clock, PATIENCE).retryFailures()
                .onAnswer(this::show)
                .finalWhen(kyc -> !PENDING.equals(kyc.status()), this::decided)
                .onGiveUp(kyc -> giveUp(Texts.text("kyc.stillPending")))
                .onFailure(failure -> giveUp(Problems.describe(failure)));
    }

    private void decided(KycStatusResponse kyc) {
        state.done();
        if (VERIFIED.equals(kyc.status())) {
            state.notice(Texts.text("kyc.verified", String.valueOf(kyc.tier())));
        } else {
            state.notice("");
            state.error(Texts.text("kyc.rejected"));
        }
    }

    private void giveUp(String notice) {
        state.done();
        state.notice(notice);
    }

    private void show(KycStatusResponse kyc) {
        status.set(kyc.status());
        statusText.set(Names.kycStatus(kyc.status()));
        tier.set(Texts.text("kyc.tierValue", String.valueOf(kyc.tier())));
        perTransaction.set(Amounts.format(kyc.limits().perTransaction(), kyc.currency()));
        daily.set(Amounts.format(kyc.limits().daily(), kyc.currency()));
        maxBalance.set(Amounts.format(kyc.limits().maxBalance(), kyc.currency()));
        remainingToday.set(Amounts.format(kyc.remainingToday(), kyc.currency()));
    }
}
