package io.mailsync.sync.adapter.in.web;

import io.mailsync.events.AccountSpec;
import io.mailsync.sync.application.RegisterAccountCommand;
import io.mailsync.sync.domain.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Request and response bodies of {@code /api/v1/accounts} (ADR 0001). The password goes in, never out. */
final class AccountJson {

    private AccountJson() {
    }

    record RetentionJson(String policy, Integer days) {
    }

    record RegisterRequest(String customerId, String protocol, String host, Integer port, String security,
                           Boolean trustAnyCertificate, String username, String password, List<String> folders,
                           String pollInterval, RetentionJson retention, Boolean storeBodies, Long quotaLimitBytes,
                           Long quotaLimitMessages, String contactAddress, String plan, String mailHost) {

        RegisterAccountCommand toCommand() {
            if (port == null) {
                throw new IllegalArgumentException("port is required");
            }
            return toCommandAt(host, port, parse(AccountSpec.Security.class, security, "security"),
                    Boolean.TRUE.equals(trustAnyCertificate));
        }

        /** Issue 22: a mailbox on a registered mail host has the host's address and security, not its own. */
        RegisterAccountCommand toCommandAt(String atHost, int atPort, AccountSpec.Security atSecurity,
                                           boolean atTrustAny) {
            if (mailHost != null && (host != null || port != null || security != null)) {
                throw new IllegalArgumentException("give either mailHost or host, port and security");
            }
            return new RegisterAccountCommand(customerId, parse(AccountSpec.Protocol.class, protocol, "protocol"),
                    atHost, atPort, atSecurity, atTrustAny, username, password, folders, duration(pollInterval),
                    retention == null ? null : new AccountSpec.Pop3Retention(
                            parse(AccountSpec.Pop3Retention.Policy.class, retention.policy(), "retention.policy"),
                            retention.days()),
                    Boolean.TRUE.equals(storeBodies), quotaLimitBytes, quotaLimitMessages, contactAddress, plan);
        }

        @Override
        public String toString() {
            return "RegisterRequest[" + protocol + " " + username + "@" + host + "]"; // never the password
        }
    }

    /** {@code PATCH /api/v1/accounts/{id}}: the mailbox's new password (issue 22). */
    record CredentialRequest(String password) {
        @Override
        public String toString() {
            return "CredentialRequest[password replaced]"; // never the password
        }
    }

    record AccountResponse(String accountId, String customerId, String protocol, String host, int port,
                           String security, boolean trustAnyCertificate, String username, List<String> folders,
                           String pollInterval, RetentionJson retention, boolean storeBodies, Long quotaLimitBytes,
                           Long quotaLimitMessages, String contactAddress, String plan, String status,
                           String statusReason, Instant statusAt, Instant createdAt, String mailHost) {

        static AccountResponse of(Account account) {
            AccountSpec s = account.spec();
            return new AccountResponse(s.accountId().value(), s.customerId(), s.protocol().name(), s.host(), s.port(),
                    s.security().name(), s.trustAnyCertificate(), s.username(), s.folders(),
                    s.pollInterval().toString(), new RetentionJson(s.retention().policy().name(), s.retention().days()),
                    s.storeBodies(), s.quotaLimitBytes(), s.quotaLimitMessages(), s.contactAddress(), s.plan(),
                    account.status(), publicReason(account.status()), account.statusAt(), account.createdAt(),
                    s.hostLogin() == null ? null : s.hostLogin().hostId());
        }

        /**
         * What a customer is told about a session's trouble: a sentence per status, never the fetcher's detail
         * (issue 16: "connection refused" against "timed out" made registration a port scanner). The detail is in
         * the fetcher's log and the {@code AccountStatusChanged} event, for the operator.
         */
        static String publicReason(String status) {
            return switch (status == null ? "" : status) {
                case "AUTH_FAILED" -> "the mail server refused the username or password";
                case "UNREACHABLE" -> "the mail server could not be reached; mailsync keeps trying";
                case "ERROR" -> "the mail server session failed; mailsync keeps trying";
                default -> null;
            };
        }
    }

    record AccountList(List<AccountResponse> accounts) {
    }

    /** An enum from its name, case and '-' forgiven; a missing or unknown one is a 400 naming the choices. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required: one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Duration duration(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pollInterval is an ISO-8601 duration such as PT1M");
        }
    }
}
