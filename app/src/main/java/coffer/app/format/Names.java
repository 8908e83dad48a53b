package coffer.app.format;

import coffer.app.i18n.Texts;
import coffer.core.api.PaymentTypes;
import coffer.core.organization.OrganizationRole;
import coffer.core.kyc.KycStatus;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.wallet.WalletStatus;
import java.util.Locale;

/**
 * The API's words for kinds and statuses ({@code p2p}, {@code processing}) as the user reads them, in the app's
 * language: {@code kind.*}, {@code status.*}, {@code walletStatus.*} and {@code kycStatus.*} in the bundles. A word
 * a newer server sends that this app does not know is shown as it came.
 */
public final class Names {
    private Names() {
    }

    /** A movement's kind: {@code p2p} → "Sent to a person". */
    public static String kind(String wire) {
        return named("kind.", wire, TransactionKind.values());
    }

    /** A movement's, payment's, top-up's, withdrawal's or settlement's status: {@code pending} → "Pending". */
    public static String status(String wire) {
        if (PaymentTypes.PENDING_APPROVAL.equals(wire)) {
            return Texts.text("status.pending_approval");
        }
        return named("status.", wire, TransactionStatus.values());
    }

    /** A wallet's status: {@code locked} → "Locked". */
    public static String walletStatus(String wire) {
        return named("walletStatus.", wire, WalletStatus.values());
    }

    /** The user's identity verification: {@code verified} → "Verified". */
    public static String kycStatus(String wire) {
        return named("kycStatus.", wire, KycStatus.values());
    }

    /** A member's role in an organization: {@code admin} → "Admin". */
    public static String role(String wire) {
        return named("role.", wire, OrganizationRole.values());
    }

    private static String named(String prefix, String wire, Enum<?>[] known) {
        if (wire == null) {
            return "";
        }
        for (Enum<?> value : known) {
            String name = value.name().toLowerCase(Locale.ROOT);
            if (name.equals(wire.toLowerCase(Locale.ROOT))) {
                return Texts.text(prefix + name);
            }
        }
        return wire;
    }
}
