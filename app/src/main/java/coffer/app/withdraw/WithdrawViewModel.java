package coffer.app.withdraw;

import coffer.app.api.AccountsApi;
import coffer.app.api.WithdrawalsApi;
import coffer.app.checkout.ProviderFlowViewModel;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import coffer.core.api.PaymentTypes;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.WithdrawalTypes.WithdrawalView;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Withdraw from a wallet to a saved bank account, or through the provider's payout page (shown while
 * {@link #pageUrl} is not empty). The status shows until the server says the withdrawal succeeded or
 * failed.
 */
public final class WithdrawViewModel extends ProviderFlowViewModel {
    private static final String PENDING = "pending";
    private static final String SUCCEEDED = "succeeded";

    private final WithdrawalsApi api;
    private final BankAccountsViewModel bankAccounts;
    private WithdrawalView tracked;

    public WithdrawViewModel(WithdrawalsApi api, AccountsApi accounts, BackgroundExecutor executor,
                             Duration pollInterval) {
        super(accounts, executor, pollInterval);
        this.api = Objects.requireNonNull(api, "api");
        this.bankAccounts = new BankAccountsViewModel(api, executor);
    }

    public BankAccountsViewModel bankAccounts() {
        return bankAccounts;
    }

    @Override
    public void load() {
        bankAccounts.load();
        super.load();
    }

    /** Withdraws to the bank account chosen in {@link BankAccountsViewModel#selected}. */
    public void withdrawToAccount() {
        BankAccountRow account = bankAccounts.selected.get();
        if (account == null) {
            state.error(Texts.text("withdraw.error.noAccount"));
            return;
        }
        withdraw(account.id());
    }

    /**
     * Withdraws through the provider's payout page, where the user enters the bank account; the page then sends the
     * browser to the server's own {@code /withdrawals/{id}/done}, which the app watches for.
     */
    public void withdrawViaPage() {
        withdraw(null);
    }

    private void withdraw(String bankAccountId) {
        Optional<Order> order = order("withdraw.error.noWallet");
        if (order.isEmpty()) {
            return;
        }
        WithdrawalRequest request = new WithdrawalRequest(order.get().wallet().id(),
                order.get().money().toDecimalString(), order.get().money().currencyCode(), bankAccountId, null, null);
        String key = UUID.randomUUID().toString();
        state.stopPolling();
        state.begin(() -> api.withdraw(key, request), made -> {
            tracked = made;
            amount.set("");
            if (bankAccountId == null && made.url() != null && PENDING.equals(made.status())) {
                state.done();
                showStatus(Texts.text("withdraw.enterOnPage"));
                openPage(made.url());
            } else {
                follow(made);
            }
        });
    }

    /** The payout page's browser moved to {@code location}: its return address closes it. */
    @Override
    public void pageNavigated(String location) {
        WithdrawalView open = tracked;
        if (open != null && pageReturned(location, "/withdrawals/" + open.withdrawalId() + "/done")) {
            closePage();
        }
    }

    /** The payout page closed (returned, or closed by the user): the withdrawal's status is followed. */
    @Override
    public void closePage() {
        WithdrawalView open = tracked;
        if (open == null || !pageOpen()) {
            return;
        }
        hidePage();
        state.working();
        follow(open);
    }

    /** The server announced a change: the withdrawal under way may have finished. */
    public void refresh() {
        WithdrawalView open = tracked;
        if (open != null && !pageOpen() && PENDING.equals(open.status())) {
            follow(open);
        }
    }

    /** Shows the withdrawal's status from {@code now} on, asking the server until it is final. */
    private void follow(WithdrawalView now) {
        String what = Amounts.format(now.amount(), now.currency());
        this.<WithdrawalView>untilFinal(w -> !PENDING.equals(w.status()), this::finished,
                        Texts.text("withdraw.stillPending", what))
                .onAnswer(w -> {
                    tracked = w;
                    showStatus(Texts.text("withdraw.status", what, Names.status(w.status())));
                })
                .from(now, () -> api.withdrawal(now.withdrawalId()));
    }

    private void finished(WithdrawalView now) {
        if (PaymentTypes.PENDING_APPROVAL.equals(now.status())) {
            // out of an organization's wallet above its threshold: an owner or admin decides, which may take days
            tracked = null;
            showStatus(Texts.text("withdraw.awaitingApproval", Amounts.format(now.amount(), now.currency())));
        } else if (SUCCEEDED.equals(now.status())) {
            showStatus(Texts.text("withdraw.succeeded", Amounts.format(now.amount(), now.currency())));
        } else {
            showStatus("");
            state.error(Texts.text("withdraw.failed", Problems.reason(now.failureReason())));
        }
        showBalance(now.walletId());
    }
}
