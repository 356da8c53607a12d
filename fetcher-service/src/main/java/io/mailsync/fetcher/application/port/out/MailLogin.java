package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.AccountSpec;
import java.util.Objects;

/** Where and as whom to log in; the password is the decrypted secret and is never printed. */
public record MailLogin(AccountSpec account, String password) {

    public MailLogin {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "MailLogin[" + account.username() + "@" + account.host() + ":" + account.port() + "]";
    }
}
