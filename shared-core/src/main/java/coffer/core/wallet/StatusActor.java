package coffer.core.wallet;

/**
 * Who asks for a wallet status change. The rights differ because the parties answer for different
 * things: the user and the partner may freeze and unfreeze their own spending, while only the
 * operator, who answers for compliance, may stop all movement or end such a stop.
 */
public enum StatusActor {
    /** The wallet's owner, through the user API or the desktop client. */
    USER,
    /** The partner whose product embeds the wallet, through the signed partner API. */
    PARTNER,
    /** The platform operator, through operator tooling. */
    OPERATOR
}
