package io.mailsync.auth.domain;

import java.util.List;
import java.util.Set;

/**
 * The scopes of the public API (DESIGN.md "Public API") and the audiences an API token carries (ADR 0008: the
 * gateway forwards the caller's token, so it names the gateway and every service behind it — webhook-service too,
 * issue 19, ADR 0013).
 */
public final class ApiScopes {

    public static final Set<String> ALL = Set.of("mail.read", "mail.write", "quota.read", "accounts.admin",
            "webhooks.manage");
    public static final String ADMIN = "accounts.admin";
    public static final List<String> API_AUDIENCES = List.of("mailsync-api", "mailsync-sync", "mailsync-quota",
            "mailsync-webhooks");

    private ApiScopes() {
    }
}
