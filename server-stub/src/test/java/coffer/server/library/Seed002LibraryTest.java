package coffer.server.library;

import coffer.server.CofferServer;
import coffer.server.ProviderMode;
import coffer.server.ledger.EnvId;
import coffer.server.organization.LedgerOrganizations;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.Payouts;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 002's examples written in Java against the in-process library: wallets, balance, lock and
 * unlock, deposit, withdraw, transfer, history with filters, refunds, the escrow marketplace, organizations
 * whose members pay from their wallet, and its typed exceptions.
 */
class Seed002LibraryTest {
    @TempDir
    static Path data;
    static Coffer coffer;
    static WalletService wallets;
    static TransactionService transactions;
    static OrganizationService organizations;

    @BeforeAll
    static void open() {
        coffer = Coffer.open(CofferConfig.sqlite(data).withDefaultCurrency("NGN").withProvider(ProviderMode.SIMULATOR));
        wallets = coffer.wallets();
        transactions = coffer.transactions();
        organizations = coffer.organizations();
    }

    @AfterAll
    static void close() {
        coffer.close();
    }

    @AfterEach
    void ledgerStaysConsistent() throws Exception {
        assertThat(coffer.server().ledger().verifyInvariants().violations()).isEmpty();
    }

    @Test
    void getWalletCreatesItOnceAndTheBalanceFollowsDepositsAndWithdrawals() {
        Wallet wallet = wallets.getWallet("ada");
        assertThat(wallets.getWallet("ada").id()).isEqualTo(wallet.id());
        assertThat(wallet.currency()).isEqualTo("NGN");
        assertThat(wallets.getBalance(wallet)).isEqualTo(Money.parse("0.00", "NGN"));

        Transaction deposit = wallets.deposit(wallet, new BigDecimal("1500.50"), "Top up");
        assertThat(deposit.type()).isEqualTo("topup");
        assertThat(deposit.status()).isEqualTo("completed");
        wallets.withdraw(wallet, new BigDecimal("500.25"), "Payment for Book");
        assertThat(wallets.getBalance(wallet)).isEqualTo(Money.parse("1000.25", "NGN"));
    }

    @Test
    void aLockedWalletRefusesToPayUntilUnlocked() {
        Wallet wallet = wallets.getWallet("locky");
        wallets.deposit(wallet, new BigDecimal("100"), null);
        assertThat(wallets.lock(wallet).status().wireName()).isEqualTo("locked");
        assertThatThrownBy(() -> wallets.withdraw(wallet, new BigDecimal("1"), null))
                .isInstanceOf(WalletLockedException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.WALLET_LOCKED);
        wallets.deposit(wallet, new BigDecimal("1"), "money may still arrive");
        wallets.unlock(wallet);
        wallets.withdraw(wallet, new BigDecimal("1"), null);
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("100.00");
    }

    @Test
    void theTypedExceptionsOfTheSeed() {
        Wallet wallet = wallets.getWallet("poor");
        wallets.deposit(wallet, new BigDecimal("10"), null);
        assertThatThrownBy(() -> wallets.withdraw(wallet, new BigDecimal("10.01"), null)).isInstanceOf(InsufficientFundsException.class);
        assertThatThrownBy(() -> wallets.deposit(wallet, new BigDecimal("1.001"), null)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> wallets.deposit(wallet, new BigDecimal("-5"), null)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> wallets.getWallet("poor", "XYZ")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> transactions.getTransaction("txn_nope"))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("10.00");
    }

    @Test
    void transfersMoveMoneyBetweenUsersAndHistoryFiltersAndPages() {
        Wallet sender = wallets.getWallet("sender");
        Wallet recipient = wallets.getWallet("recipient");
        wallets.deposit(sender, new BigDecimal("300"), "funding");
        for (int i = 1; i <= 3; i++) {
            wallets.transfer(sender, recipient, new BigDecimal(i + "0"), "Transfer " + i);
        }
        assertThat(wallets.getBalance(sender).toDecimalString()).isEqualTo("240.00");
        assertThat(wallets.getBalance(recipient).toDecimalString()).isEqualTo("60.00");

        List<Transaction> all = transactions.listTransactions(sender, null, null, 10, 0);
        assertThat(all).extracting(Transaction::description).containsExactly("Transfer 3", "Transfer 2", "Transfer 1", "funding");
        assertThat(transactions.listTransactions(sender, "p2p", "completed", 10, 0)).hasSize(3);
        assertThat(transactions.listTransactions(sender, "topup", null, 10, 0)).extracting(Transaction::description)
                .containsExactly("funding");
        assertThat(transactions.listTransactions(sender, null, null, 2, 1)).extracting(Transaction::description)
                .containsExactly("Transfer 2", "Transfer 1");
        assertThatThrownBy(() -> transactions.listTransactions(sender, "bogus", null, 10, 0)).isInstanceOf(WalletException.class);
    }

    @Test
    void refundsPartialThenFullButNeverBeyondWhatIsLeft() {
        Wallet buyer = wallets.getWallet("refund-buyer");
        Wallet shop = wallets.getWallet("refund-shop");
        wallets.deposit(buyer, new BigDecimal("100"), null);
        Transaction paid = wallets.transfer(buyer, shop, new BigDecimal("80"), "Order 7");

        Transaction partial = transactions.refundTransaction(paid, new BigDecimal("30"), "damaged box");
        assertThat(partial.type()).isEqualTo("refund");
        assertThat(partial.amount().toDecimalString()).isEqualTo("30.00");
        assertThatThrownBy(() -> transactions.refundTransaction(paid, new BigDecimal("50.01"), null))
                .isInstanceOf(TransactionFailedException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.REFUND_EXCEEDS_PAYMENT);
        Transaction rest = transactions.refundTransaction(paid, null, "cancelled");
        assertThat(rest.amount().toDecimalString()).isEqualTo("50.00");
        assertThat(transactions.getTransaction(paid.id()).refunded().toDecimalString()).isEqualTo("80.00");
        assertThat(wallets.getBalance(buyer).toDecimalString()).isEqualTo("100.00");
        assertThat(wallets.getBalance(shop).toDecimalString()).isEqualTo("0.00");
    }

    @Test
    void aCardChargeIsPaidOnTheProvidersPageThenVerifiedProcessedAndTheSavedCardChargedAgain() {
        CardService cards = coffer.cards();
        Wallet wallet = wallets.getWallet("card-user");
        CardService.CardCharge charge = cards.initializeCardCharge(wallet, new BigDecimal("250.00"),
                "https://shop.example/payment/callback/", true);
        assertThat(charge.authorizationUrl()).contains("/provider/checkout/");
        assertThat(cards.verifyCardCharge(charge.reference()).status()).isEqualTo("pending");
        assertThatThrownBy(() -> cards.processSuccessfulCardCharge(cards.verifyCardCharge(charge.reference())))
                .isInstanceOf(TransactionFailedException.class);

        String session = charge.authorizationUrl().substring(charge.authorizationUrl().lastIndexOf('/') + 1);
        assertThat(Http.post(coffer.server().baseUrl() + "/provider/test-helpers/checkout/" + session + "/pay",
                "{\"card_number\": \"4242 4242 4242 4242\", \"save_card\": true}").statusCode()).isEqualTo(200);
        CardService.ChargeVerification verified = Poll.until(() -> cards.verifyCardCharge(charge.reference()),
                v -> !v.status().equals("pending"));
        assertThat(verified.status()).isEqualTo("success");

        CardService.ProcessedCharge processed = cards.processSuccessfulCardCharge(verified);
        assertThat(processed.transaction().amount().toDecimalString()).isEqualTo("250.00");
        assertThat(processed.wallet().balance().toDecimalString()).isEqualTo("250.00");
        cards.processSuccessfulCardCharge(verified);
        assertThat(wallets.getBalance(wallet).toDecimalString()).as("processing again credits nothing").isEqualTo("250.00");

        CardService.Card card = Poll.until(() -> cards.cards(wallet), list -> !list.isEmpty()).get(0);
        assertThat(card.last4()).isEqualTo("4242");
        CardService.ChargeVerification again = cards.chargeSavedCard(wallet, card, new BigDecimal("20"));
        assertThat(again.status()).isEqualTo("success");
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("270.00");
        cards.removeCard(wallet, card);
        assertThatThrownBy(() -> cards.chargeSavedCard(wallet, card, new BigDecimal("1")))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void bankAccountsAreVerifiedAddedAndWithdrawnToSettledAndScheduled() {
        BankService banks = coffer.banks();
        Wallet wallet = wallets.getWallet("bank-user");
        wallets.deposit(wallet, new BigDecimal("500"), null);
        String name = banks.verifyBankAccount("0123456789", "044");
        assertThat(name).isNotBlank();
        assertThatThrownBy(() -> banks.verifyBankAccount("0123450000", "044")).isInstanceOf(WalletException.class);

        BankService.BankAccount account = banks.addBankAccount(wallet, "044", "0123456789");
        assertThat(account.accountName()).isEqualTo(name);
        assertThat(account.accountNumberLast4()).isEqualTo("6789");
        assertThat(banks.bankAccounts(wallet)).containsExactly(account);

        BankService.Payout paid = banks.withdrawToBank(wallet, new BigDecimal("100"), account, "Withdrawal to bank account");
        assertThat(Poll.until(() -> banks.payout(paid.id()), BankService.Payout::finished).status()).isEqualTo("succeeded");
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("400.00");

        BankService.BankAccount rejecting = banks.addBankAccount(wallet, "044", "0123451111");
        BankService.Payout failed = banks.withdrawToBank(wallet, new BigDecimal("50"), rejecting, null);
        assertThat(Poll.until(() -> banks.payout(failed.id()), BankService.Payout::finished).status()).isEqualTo("failed");
        assertThat(wallets.refresh(wallet).available().toDecimalString()).as("the money came back").isEqualTo("400.00");
        assertThatThrownBy(() -> banks.withdrawToBank(wallet, new BigDecimal("400.01"), account, null))
                .isInstanceOf(InsufficientFundsException.class);

        SettlementService settlements = coffer.settlements();
        BankService.Payout settled = settlements.createSettlement(wallet, account, new BigDecimal("150"), null);
        assertThat(Poll.until(() -> banks.payout(settled.id()), BankService.Payout::finished).status()).isEqualTo("succeeded");
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("250.00");
        SettlementService.SettlementSchedule schedule = settlements.createSettlementSchedule(wallet, account, "weekly",
                new BigDecimal("100"));
        assertThat(schedule.isActive()).isTrue();
        assertThat(schedule.scheduleType()).isEqualTo("weekly");
        assertThat(schedule.nextSettlement()).isAfter(java.time.Instant.now());
        assertThatThrownBy(() -> settlements.createSettlementSchedule(wallet, account, "hourly", BigDecimal.ONE))
                .isInstanceOf(WalletException.class);
    }

    @Test
    void theEscrowMarketplaceHoldsReleasesMinusTheFeeOrRefunds() {
        EscrowService escrow = coffer.escrow();
        Wallet buyer = wallets.getWallet("escrow-buyer");
        Wallet seller = wallets.getWallet("escrow-seller");
        wallets.deposit(buyer, new BigDecimal("200"), null);

        EscrowService.Order order = escrow.placeOrder(buyer, seller, new BigDecimal("120"), new BigDecimal("12"), "Order A");
        Wallet held = wallets.refresh(buyer);
        assertThat(held.balance().toDecimalString()).isEqualTo("200.00");
        assertThat(held.available().toDecimalString()).as("the price is held").isEqualTo("80.00");
        assertThatThrownBy(() -> wallets.withdraw(buyer, new BigDecimal("80.01"), null)).isInstanceOf(InsufficientFundsException.class);

        Transaction toSeller = escrow.completeOrder(order, "Payment received for order A");
        assertThat(toSeller.amount().toDecimalString()).isEqualTo("108.00");
        escrow.completeOrder(order, "Payment received for order A");   // repeating moves nothing more
        assertThat(wallets.getBalance(buyer).toDecimalString()).isEqualTo("80.00");
        assertThat(wallets.getBalance(seller).toDecimalString()).isEqualTo("108.00");
        assertThatThrownBy(() -> escrow.refundOrder(order, null))
                .as("a completed order cannot be refunded")
                .isInstanceOf(TransactionFailedException.class);

        EscrowService.Order second = escrow.placeOrder(buyer, seller, new BigDecimal("50"), BigDecimal.ZERO, "Order B");
        escrow.refundOrder(second, "buyer cancelled");
        assertThat(wallets.refresh(buyer).available().toDecimalString()).isEqualTo("80.00");
        assertThatThrownBy(() -> escrow.completeOrder(second, null)).isInstanceOf(TransactionFailedException.class);
        assertThat(wallets.getBalance(seller).toDecimalString()).isEqualTo("108.00");
    }

    @Test
    void completingAnOrderAgainWithTheDescriptionNullIsNotARepeatOfNoDescription() {
        EscrowService escrow = coffer.escrow();
        Wallet buyer = wallets.getWallet("escrow-null-buyer");
        Wallet seller = wallets.getWallet("escrow-null-seller");
        wallets.deposit(buyer, new BigDecimal("100"), null);
        EscrowService.Order order = escrow.placeOrder(buyer, seller, new BigDecimal("40"), BigDecimal.ZERO, "Order N");

        escrow.completeOrder(order, null);
        escrow.completeOrder(order, null);   // a repeat
        assertThatThrownBy(() -> escrow.completeOrder(order, "null"))
                .isInstanceOfSatisfying(TransactionFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(wallets.getBalance(seller).toDecimalString()).isEqualTo("40.00");
        assertThat(wallets.getBalance(buyer).toDecimalString()).isEqualTo("60.00");
    }

    /**
     * A member's withdrawal from an organization's wallet above its approval threshold (asked for over the user API,
     * on the same database) reads as awaiting approval, neither under way nor over, until an owner decides.
     */
    @Test
    void aWithdrawalAwaitingAnOrganizationsApprovalReadsAsSuchUntilItIsDecided() {
        Organization team = organizations.createOrganization("treasurer-ada", "Treasury");
        organizations.addMember(team, "clerk-grace", OrganizationRole.MEMBER);
        Wallet wallet = organizations.getWallet(team);
        wallets.deposit(wallet, new BigDecimal("100"), null);
        CofferServer.Services services = coffer.server().services();
        EnvId env = new EnvId("app");
        LedgerOrganizations.threshold(services.ledger(), env, team.id(), 1_000);
        String grace = services.tenants().userByExternalId(env, "clerk-grace").orElseThrow().id();
        String id = services.payouts().start(new Payouts.Order(PayoutKind.WITHDRAWAL, env.value(), grace, wallet.id(),
                Money.parse("30", "NGN"), null, null, "Petty cash", null, null)).orThrow().id();

        BankService banks = coffer.banks();
        BankService.Payout waiting = banks.payout(id);
        assertThat(waiting.status()).isEqualTo(BankService.Payout.PENDING_APPROVAL).isEqualTo("pending_approval");
        assertThat(waiting.awaitingApproval()).isTrue();
        assertThat(waiting.finished()).isFalse();
        assertThat(waiting.transferCode()).as("the provider was asked nothing").isNull();
        assertThat(wallets.refresh(wallet).available().toDecimalString()).isEqualTo("70.00");

        String ada = services.tenants().userByExternalId(env, "treasurer-ada").orElseThrow().id();
        services.payouts().decide(env.value(), ada, id, false, null, bank -> Optional.empty()).orThrow();
        BankService.Payout rejected = banks.payout(id);
        assertThat(rejected.status()).isEqualTo("failed");
        assertThat(rejected.failureReason()).isEqualTo("rejected");
        assertThat(rejected.awaitingApproval()).isFalse();
        assertThat(rejected.finished()).isTrue();
        assertThat(wallets.refresh(wallet).available().toDecimalString()).isEqualTo("100.00");
    }

    /** A purchase cannot wait for an approval: above the organization's threshold it is refused and nothing moves. */
    @Test
    void aPurchaseAboveAnOrganizationsThresholdIsRefusedAndOneUnderItIsPaid() {
        Organization team = organizations.createOrganization("treasurer-lin", "Kitchen");
        organizations.addMember(team, "cook-sam", OrganizationRole.MEMBER);
        Wallet wallet = organizations.getWallet(team);
        wallets.deposit(wallet, new BigDecimal("100"), null);
        CofferServer.Services services = coffer.server().services();
        LedgerOrganizations.threshold(services.ledger(), new EnvId("app"), team.id(), 2_000);

        assertThatThrownBy(() -> organizations.pay(team, "cook-sam", new BigDecimal("25"), "Oven"))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("above the organization's approval threshold of 20.00 NGN");
                });
        assertThat(wallets.refresh(wallet).available().toDecimalString()).isEqualTo("100.00");

        organizations.pay(team, "cook-sam", new BigDecimal("15"), "Pans");
        assertThat(wallets.refresh(wallet).available().toDecimalString()).isEqualTo("85.00");
    }

    // seed 002's multi-tenant pattern: an organization with its wallet, members with is_admin, and
    // "You are not a member of this organization" for anyone else

    @Test
    void anOrganizationsMembersPayFromItsWalletAndOthersAreNotMembers() {
        Organization team = organizations.createOrganization("org-ada", "Analytical Engines");
        assertThat(team.name()).isEqualTo("Analytical Engines");
        assertThat(team.currency()).isEqualTo("NGN");
        assertThat(organizations.getMembers(team)).containsExactly(new OrganizationMember("org-ada", OrganizationRole.OWNER));
        assertThat(organizations.getMembers(team).get(0).isAdmin()).isTrue();

        Wallet wallet = organizations.getWallet(team);
        assertThat(organizations.getWallets(team)).containsExactly(wallet);
        wallets.deposit(wallet, new BigDecimal("100.00"), "Team budget");

        assertThat(organizations.addMember(team, "grace", false).isAdmin()).isFalse();
        assertThat(organizations.addMember(team, "hopper", true).isAdmin()).isTrue();
        assertThat(organizations.isMember(team, "grace")).isTrue();
        assertThat(organizations.isMember(team, "mallory")).isFalse();

        Transaction lunch = organizations.pay(team, "grace", new BigDecimal("12.50"), "Team lunch");
        assertThat(lunch.fromAccount()).isEqualTo(wallet.id());
        assertThat(lunch.amount().toDecimalString()).isEqualTo("12.50");
        assertThat(wallets.getBalance(wallet).toDecimalString()).isEqualTo("87.50");

        assertThatThrownBy(() -> organizations.pay(team, "mallory", new BigDecimal("1"), "not mine"))
                .isInstanceOf(NotAMemberException.class)
                .hasMessage("You are not a member of this organization")
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(wallets.getBalance(wallet).toDecimalString()).as("a refusal moves nothing").isEqualTo("87.50");
    }

    @Test
    void aRemovedMemberAndAViewerCannotSpendAndTheLastOwnerStays() {
        Organization team = organizations.createOrganization("owner-1", "Readers", "NGN");
        Wallet wallet = organizations.getWallet(team);
        wallets.deposit(wallet, new BigDecimal("50"), null);
        organizations.addMember(team, "reader", OrganizationRole.VIEWER);
        organizations.addMember(team, "spender", OrganizationRole.MEMBER);

        assertThatThrownBy(() -> organizations.pay(team, "reader", new BigDecimal("5"), null))
                .isInstanceOf(WalletException.class)
                .isNotInstanceOf(NotAMemberException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> organizations.pay(team, "spender", new BigDecimal("50.01"), null))
                .isInstanceOf(InsufficientFundsException.class);

        organizations.removeMember(team, "spender");
        assertThatThrownBy(() -> organizations.pay(team, "spender", new BigDecimal("5"), null)).isInstanceOf(NotAMemberException.class);
        assertThatThrownBy(() -> organizations.removeMember(team, "owner-1"))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThatThrownBy(() -> organizations.addMember(team, "reader", OrganizationRole.ADMIN))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(organizations.getMembers(team)).extracting(OrganizationMember::userRef).containsExactly("owner-1", "reader");
        assertThat(wallets.getBalance(wallet).toDecimalString()).as("no refusal moved money").isEqualTo("50.00");
    }

    @Test
    void refusalsOfBadInputAreTyped() {
        assertThatThrownBy(() -> organizations.getOrganization("org_nope"))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> organizations.createOrganization("org-ada", "  "))
                .isInstanceOf(WalletException.class)
                .extracting(e -> ((WalletException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThatThrownBy(() -> organizations.createOrganization("org-ada", "Bad money", "XYZ")).isInstanceOf(InvalidAmountException.class);
        Organization team = organizations.createOrganization("precise", "Precise");
        wallets.deposit(organizations.getWallet(team), new BigDecimal("1"), null);
        assertThatThrownBy(() -> organizations.pay(team, "precise", new BigDecimal("0.001"), null)).isInstanceOf(InvalidAmountException.class);
        assertThat(organizations.getOrganization(team.id())).isEqualTo(team);
    }
}
