package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The latest registration of a mailbox, on the compacted {@link Topics#ACCOUNTS} topic. The secret is only ever
 * carried encrypted (AES-GCM, see {@code encryptedSecret}); a tombstone (null value) removes the account. With a
 * {@link HostLogin} (issue 22) the mailbox logs in as its host profile says, and may carry no secret of its own.
 */
@WireType(name = "AccountSpec", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountSpec(
        AccountId accountId,
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
        String plan,
        List<Grant> grants,
        HostLogin hostLogin) implements WireRecord {

    public enum Protocol { IMAP, POP3 }

    /**
     * Without grants or a host profile (both added within v1 and absent on older records — issue 23: nobody else
     * shares the mailbox; issue 22: the mailbox's own LOGIN).
     */
    public AccountSpec(AccountId accountId, String customerId, Protocol protocol, String host, int port,
                       Security security, boolean trustAnyCertificate, String username, String encryptedSecret,
                       List<String> folders, Duration pollInterval, Pop3Retention retention, boolean storeBodies,
                       Long quotaLimitBytes, Long quotaLimitMessages, String contactAddress, Instant updatedAt,
                       String plan) {
        this(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username, encryptedSecret,
                folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages, contactAddress,
                updatedAt, plan, null, null);
    }

    /** Shared with {@code grants} (issue 23), logging in with its own LOGIN. */
    public AccountSpec(AccountId accountId, String customerId, Protocol protocol, String host, int port,
                       Security security, boolean trustAnyCertificate, String username, String encryptedSecret,
                       List<String> folders, Duration pollInterval, Pop3Retention retention, boolean storeBodies,
                       Long quotaLimitBytes, Long quotaLimitMessages, String contactAddress, Instant updatedAt,
                       String plan, List<Grant> grants) {
        this(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username, encryptedSecret,
                folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages, contactAddress,
                updatedAt, plan, grants, null);
    }

    /** Logging in as its host profile says (issue 22), not shared. */
    public AccountSpec(AccountId accountId, String customerId, Protocol protocol, String host, int port,
                       Security security, boolean trustAnyCertificate, String username, String encryptedSecret,
                       List<String> folders, Duration pollInterval, Pop3Retention retention, boolean storeBodies,
                       Long quotaLimitBytes, Long quotaLimitMessages, String contactAddress, Instant updatedAt,
                       String plan, HostLogin hostLogin) {
        this(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username, encryptedSecret,
                folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages, contactAddress,
                updatedAt, plan, null, hostLogin);
    }

    /** Without a plan (added within v1: absent on older records): quota-service applies its default plan. */
    public AccountSpec(AccountId accountId, String customerId, Protocol protocol, String host, int port,
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
                contactAddress, at, plan, grants, hostLogin);
    }

    /** The same mailbox shared with {@code newGrants} (issue 23); none: not shared. */
    public AccountSpec withGrants(List<Grant> newGrants, Instant at) {
        return new AccountSpec(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username,
                encryptedSecret, folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages,
                contactAddress, at, plan, newGrants, hostLogin);
    }

    /** The same mailbox logging in as its host profile now says (issue 22: the operator changed the profile). */
    public AccountSpec withHostLogin(HostLogin newHostLogin, Instant at) {
        return new AccountSpec(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username,
                encryptedSecret, folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages,
                contactAddress, at, plan, grants, newHostLogin);
    }

    /** The grants, never null. */
    public List<Grant> grantsOrNone() {
        return grants == null ? List.of() : grants;
    }

    /** The people granted {@code scope} (issue 23); a scope name this build does not know grants nothing. */
    public Set<String> grantedTo(GrantScope scope) {
        return grantsOrNone().stream().filter(g -> GrantScope.known(g.scopes()).contains(scope))
                .map(Grant::person).collect(Collectors.toUnmodifiableSet());
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
        grants = grants == null || grants.isEmpty() ? null : List.copyOf(grants); // none: absent in the JSON
    }

    /**
     * Another person's access to this mailbox (issue 23): {@code person} is their customer id (a token's {@code sub}),
     * {@code scopes} the {@link io.mailsync.events.mail.GrantScope} wire names (an unknown one is ignored by readers),
     * {@code contactAddress} where quota notices reach them (null: they get none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grant(String person, List<String> scopes, String contactAddress, Instant grantedAt) {

        public Grant {
            Objects.requireNonNull(person, "person");
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
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
