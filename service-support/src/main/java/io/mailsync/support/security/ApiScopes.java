package io.mailsync.support.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The scope each public API route needs (DESIGN.md "Public API"), written once and applied by the gateway and by
 * every service behind it, so a call that walks around the gateway meets the same rules (issue 16: sync-service
 * used to take {@code mail.write} where the gateway asks {@code accounts.admin}). The first rule that matches wins.
 */
public final class ApiScopes {

    public static final String READ = "mail.read";
    public static final String WRITE = "mail.write";
    public static final String QUOTA = "quota.read";
    public static final String ADMIN = "accounts.admin";
    /** Issue 19, ADR 0013: a customer's webhook subscriptions and their delivery logs. */
    public static final String WEBHOOKS = "webhooks.manage";
    /** Every scope of the public API, as the protected-resource metadata lists them (RFC 9728 scopes_supported). */
    public static final List<String> ALL = List.of(READ, WRITE, QUOTA, ADMIN, WEBHOOKS);

    private static final String ACCOUNT = "/api/v1/accounts/*";

    /** Requests of {@code method} (any, if null) on any of {@code patterns} need {@code scope}. */
    private record Rule(HttpMethod method, String scope, List<RequestMatcher> matchers) {

        static Rule of(HttpMethod method, String scope, String... patterns) {
            return new Rule(method, scope, Arrays.stream(patterns)
                    .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, p)).toList());
        }

        boolean matches(HttpServletRequest request) {
            return matchers.stream().anyMatch(m -> m.matches(request));
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of(GET, READ, ACCOUNT + "/messages", ACCOUNT + "/messages/**", ACCOUNT + "/changes",
                    ACCOUNT + "/events", ACCOUNT + "/deleted", ACCOUNT + "/grants", ACCOUNT + "/audit",
                    ACCOUNT + "/read-state"),
            // issue 19: reading one device (its name, last seen) is a read, like the rest of GET under an account
            Rule.of(GET, READ, ACCOUNT + "/devices/*"),
            Rule.of(null, WRITE, ACCOUNT + "/messages", ACCOUNT + "/messages/**", ACCOUNT + "/devices",
                    ACCOUNT + "/devices/**"),
            // issue 11: filing sent mail, drafts, restoring deleted mail change the mailbox
            Rule.of(null, WRITE, ACCOUNT + "/sent", ACCOUNT + "/drafts", ACCOUNT + "/drafts/**",
                    ACCOUNT + "/deleted/**"),
            // issue 23: sharing a mailbox with another person (and revoking it) changes who may read it
            Rule.of(null, WRITE, ACCOUNT + "/grants", ACCOUNT + "/grants/**", ACCOUNT + "/read-state"),
            // suggestions list messages (subjects, senders): reading mail, not only usage
            Rule.of(GET, READ, ACCOUNT + "/quota/suggestions"),
            Rule.of(null, QUOTA, ACCOUNT + "/quota", ACCOUNT + "/quota/**"),
            Rule.of(POST, ADMIN, "/api/v1/accounts"),
            Rule.of(DELETE, ADMIN, ACCOUNT),
            // issue 22: a mailbox's credential is the provisioning system's, like its registration
            Rule.of(PATCH, ADMIN, ACCOUNT),
            // issue 22: mail hosts and their master credentials are the operator's
            Rule.of(null, ADMIN, "/api/v1/mail-hosts", "/api/v1/mail-hosts/**"),
            Rule.of(null, WEBHOOKS, "/api/v1/webhooks", "/api/v1/webhooks/**"));

    private ApiScopes() {
    }

    /** Adds the rules for {@code /api/v1/**}; any other API path needs a valid token and nothing more. */
    public static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : RULES) {
            auth.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new)).hasAuthority("SCOPE_" + rule.scope());
        }
        auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/**")).authenticated();
    }

    /** The scope {@code request} needs, for the 403 that says so; empty where any valid token will do. */
    public static Optional<String> requiredFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matches(request)).map(Rule::scope).findFirst();
    }
}
