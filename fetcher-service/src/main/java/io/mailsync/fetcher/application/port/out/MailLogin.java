package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin.Mechanism;
import java.util.Objects;

/**
 * Where and as whom to log in (issue 22). {@code user} authenticates with {@code secret} (a password, the host's
 * master password, or an OAuth access token) by {@code mechanism}; {@code authorizationId}, where set, is the
 * mailbox's user that a master/proxy login acts as (SASL PLAIN authzid, RFC 4616). The secret is never printed.
 */
public record MailLogin(AccountSpec account, Mechanism mechanism, String user, String secret,
                        String authorizationId) {

    public MailLogin {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
    }

    /** The mailbox's own user and password, as before issue 22. */
    public MailLogin(AccountSpec account, String password) {
        this(account, Mechanism.LOGIN, account.username(), password, null);
    }

    @Override
    public String toString() {
        return "MailLogin[" + mechanism + " " + user + (authorizationId == null ? "" : " as " + authorizationId)
                + "@" + account.host() + ":" + account.port() + "]";
    }
}
