package io.mailsync.support.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The scope each public API route needs (DESIGN.md "Public API"), written once and applied by the gateway and by
 * every service behind it, so a call that walks around the gateway meets the same rules (issue 16: sync-service
 * used to take {@code mail.write} where the gateway asks {@code accounts.admin}).
 */
public final class ApiScopes {

    public static final String READ = "SCOPE_mail.read";
    public static final String WRITE = "SCOPE_mail.write";
    public static final String QUOTA = "SCOPE_quota.read";
    public static final String ADMIN = "SCOPE_accounts.admin";

    private static final String ACCOUNT = "/api/v1/accounts/*";

    private ApiScopes() {
    }

    /** Adds the rules for {@code /api/v1/**}; any other API path needs a valid token and nothing more. */
    public static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(GET, ACCOUNT + "/messages", ACCOUNT + "/messages/**", ACCOUNT + "/changes",
                        ACCOUNT + "/events", ACCOUNT + "/deleted").hasAuthority(READ)
                .requestMatchers(ACCOUNT + "/messages", ACCOUNT + "/messages/**", ACCOUNT + "/devices",
                        ACCOUNT + "/devices/**").hasAuthority(WRITE)
                // issue 11: filing sent mail, drafts, restoring deleted mail change the mailbox
                .requestMatchers(ACCOUNT + "/sent", ACCOUNT + "/drafts", ACCOUNT + "/drafts/**",
                        ACCOUNT + "/deleted/**").hasAuthority(WRITE)
                // suggestions list messages (subjects, senders): reading mail, not only usage
                .requestMatchers(GET, ACCOUNT + "/quota/suggestions").hasAuthority(READ)
                .requestMatchers(ACCOUNT + "/quota", ACCOUNT + "/quota/**").hasAuthority(QUOTA)
                .requestMatchers(POST, "/api/v1/accounts").hasAuthority(ADMIN)
                .requestMatchers(DELETE, ACCOUNT).hasAuthority(ADMIN)
                .requestMatchers("/api/v1/**").authenticated();
    }
}
