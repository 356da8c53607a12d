package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest registration of a mailbox, on the compacted {@link Topics#ACCOUNTS} topic. The secret is only ever
 * carried encrypted (AES-GCM, see {@code encryptedSecret}); a tombstone (null value) removes the account.
 */
@WireType(name = "AccountSpec", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountSpec(
        String accountId,
        String customerId,
        Protocol protocol,
        String host,
        int port,
        Security security,
        boolean trustAnyCertificate,
        String username,
        String encryptedSecret,
        List<String> folders,
        Duration pollInterval,
        Pop3Retention retention,
        boolean storeBodies,
        Long quotaLimitBytes,
        Long quotaLimitMessages,
        String contactAddress,
        Instant updatedAt,
        String plan) implements WireRecord {

    public enum Protocol { IMAP, POP3 }

    /** Without a plan (added within v1: absent on older records): quota-service applies its default plan. */
    public AccountSpec(String accountId, String customerId, Protocol protocol, String host, int port,
                       Security security, boolean trustAnyCertificate, String username, String encryptedSecret,
                       List<String> folders, Duration pollInterval, Pop3Retention retention, boolean storeBodies,
                       Long quotaLimitBytes, Long quotaLimitMessages, String contactAddress, Instant updatedAt) {
        this(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username, encryptedSecret,
                folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages, contactAddress,
                updatedAt, null);
    }

    /** The same mailbox with another credential (issue 22: a password replaced after registration). */
    public AccountSpec withSecret(String newEncryptedSecret, Instant at) {
        return new AccountSpec(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username,
                newEncryptedSecret, folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages,
                contactAddress, at, plan);
    }

    /** {@code SSL}: TLS from the first byte (IMAPS/POP3S); {@code STARTTLS}: required upgrade; {@code NONE}: plaintext. */
    public enum Security { SSL, STARTTLS, NONE }

    public AccountSpec {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port is 1 to 65535");
        }
        folders = folders == null || folders.isEmpty() ? List.of("INBOX") : List.copyOf(folders);
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        retention = retention == null ? Pop3Retention.keep() : retention;
    }

    /** What a POP3 account leaves on the server (RFC 1939 gives no flags, so mailsync keeps the state). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pop3Retention(Policy policy, Integer days) {

        public enum Policy { KEEP, DELETE_AFTER_DAYS, DELETE_AFTER_FETCH }

        public Pop3Retention {
            Objects.requireNonNull(policy, "policy");
            if (policy == Policy.DELETE_AFTER_DAYS && (days == null || days < 1)) {
                throw new IllegalArgumentException("delete-after-days needs days >= 1");
            }
        }

        public static Pop3Retention keep() {
            return new Pop3Retention(Policy.KEEP, null);
        }
    }
}
