package io.mailsync.auth.domain;

import java.util.Arrays;

/** The OAuth 2.0 grants this server offers (RFC 6749 §4.1, §4.4, §6), by their wire names. */
public enum Grant {
    CLIENT_CREDENTIALS("client_credentials"),
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    Grant(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Grant ofWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grant type '" + name + "'; known: "
                        + Arrays.stream(values()).map(Grant::wireName).toList()));
    }
}
