package io.mailsync.gateway.domain;

import java.util.Arrays;
import java.util.Optional;

/** The OAuth2 scopes of the public API (DESIGN.md "Public API"). */
public enum Scope {
    MAIL_READ("mail.read"),
    MAIL_WRITE("mail.write"),
    QUOTA_READ("quota.read"),
    ACCOUNTS_ADMIN("accounts.admin"),
    /** Issue 19, ADR 0013: the caller's webhook subscriptions and their delivery logs. */
    WEBHOOKS_MANAGE("webhooks.manage");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
