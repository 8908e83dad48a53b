package coffer.app.organization;

import coffer.app.format.Amounts;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes;
import coffer.core.api.OrganizationTypes.ApprovalView;
import java.util.Locale;

/**
 * Money out of an organization's wallet that waits for an owner's or admin's decision, as the inbox shows it.
 *
 * @param organization the organization whose wallet it leaves, with the user's role in it
 * @param kind         {@code payment} or {@code withdrawal}, as the API says it
 * @param id           the payment's (or withdrawal's) id
 * @param amount       formatted: "50.00 USD"
 * @param askedBy      the email of the member who asked for it (their user id when the server knows no email)
 * @param asked        when it was asked for, in the user's time zone
 * @param expires      when its hold is voided if nobody decides, in the user's time zone
 * @param createdAt    when it was asked for, as the API says it (orders the inbox, oldest first)
 * @param mine         whether the user asked for it themself: another owner or admin decides on it
 */
public record ApprovalRow(Holder organization, String kind, String id, String amount, String destination,
                          String description, String askedBy, String asked, String expires, String createdAt,
                          boolean mine) {
    static ApprovalRow of(Holder organization, ApprovalView a, String myEmail) {
        String email = a.initiatedByEmail();
        boolean mine = email != null && myEmail != null
                && email.toLowerCase(Locale.ROOT).equals(myEmail.strip().toLowerCase(Locale.ROOT));
        String to = OrganizationTypes.WITHDRAWAL.equals(a.kind()) ? Texts.text("approvals.toBank", a.destination()) : a.destination();
        return new ApprovalRow(organization, a.kind(), a.id(), Amounts.format(a.amount(), a.currency()), to,
                a.description() == null ? "" : a.description(), email == null ? a.initiatedBy() : email,
                Times.dateTime(a.createdAt()), Times.dateTime(a.expiresAt()), a.createdAt(), mine);
    }

    /** The organization's name. */
    public String organizationName() {
        return organization.name();
    }

    public boolean isPayment() {
        return OrganizationTypes.PAYMENT.equals(kind);
    }

    /** Where it stands for the user: waiting for another owner or admin when they asked for it. */
    public String state() {
        return Texts.text(mine ? "approvals.state.mine" : "approvals.state.waiting");
    }
}
