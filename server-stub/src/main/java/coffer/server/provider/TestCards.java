package coffer.server.provider;

/**
 * The simulator's card rules: the numbers developers know from card providers' test modes. Any other
 * number that passes the Luhn check is charged successfully.
 */
final class TestCards {
    static final String SUCCEEDS = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String NEEDS_CONFIRMATION = "4000002500003155";

    static final String REASON_DECLINED = "card_declined";
    static final String REASON_INSUFFICIENT_FUNDS = "insufficient_funds";
    static final String REASON_AUTHENTICATION_FAILED = "authentication_failed";

    enum Outcome { SUCCEEDS, DECLINED, INSUFFICIENT_FUNDS, NEEDS_CONFIRMATION }

    private TestCards() {
    }

    /** What happens when {@code digits} (a valid number, spaces removed) is charged. */
    static Outcome outcome(String digits) {
        return switch (digits) {
            case DECLINED -> Outcome.DECLINED;
            case INSUFFICIENT_FUNDS -> Outcome.INSUFFICIENT_FUNDS;
            case NEEDS_CONFIRMATION -> Outcome.NEEDS_CONFIRMATION;
            default -> Outcome.SUCCEEDS;
        };
    }

    /** The decline reason of an outcome that is a decline. */
    static String reason(Outcome outcome) {
        return outcome == Outcome.INSUFFICIENT_FUNDS ? REASON_INSUFFICIENT_FUNDS : REASON_DECLINED;
    }

    /** 13 to 19 digits whose Luhn check digit is right. */
    static boolean valid(String digits) {
        if (!digits.matches("[0-9]{13,19}")) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static String brand(String digits) {
        if (digits.startsWith("4")) {
            return "visa";
        }
        if (digits.matches("5[1-5].*") || digits.matches("2[2-7].*")) {
            return "mastercard";
        }
        if (digits.startsWith("34") || digits.startsWith("37")) {
            return "amex";
        }
        return "card";
    }
}
