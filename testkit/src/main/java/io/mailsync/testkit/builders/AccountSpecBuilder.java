package io.mailsync.testkit.builders;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.AccountSpec.Protocol;
import io.mailsync.events.AccountSpec.Security;
import io.mailsync.events.mail.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code anAccountSpec().forAccount(id).ofCustomer(c).withQuotaLimit(bytes, null).build()}: an IMAP mailbox on
 * imap.example.test:993 over SSL, INBOX only, polled every minute, its secret an opaque ciphertext, no quota limit,
 * no plan.
 */
public final class AccountSpecBuilder {

    private AccountId accountId = AccountId.of("account-" + UUID.randomUUID());
    private String customerId = "customer-" + UUID.randomUUID();
    private Protocol protocol = Protocol.IMAP;
    private String host = "imap.example.test";
    private int port = 993;
    private Security security = Security.SSL;
    private boolean trustAnyCertificate;
    private String username = "user";
    private String encryptedSecret = "v1:k:secret";
    private List<String> folders = List.of("INBOX");
    private Duration pollInterval;
    private Pop3Retention retention;
    private boolean storeBodies;
    private Long quotaLimitBytes;
    private Long quotaLimitMessages;
    private String contactAddress;
    private Instant updatedAt = Instant.now();
    private String plan;
    private final List<AccountSpec.Grant> grants = new java.util.ArrayList<>();

    private AccountSpecBuilder() {
    }

    public static AccountSpecBuilder anAccountSpec() {
        return new AccountSpecBuilder();
    }

    public AccountSpecBuilder forAccount(AccountId accountId) {
        this.accountId = accountId;
        return this;
    }

    public AccountSpecBuilder forAccount(String accountId) {
        return forAccount(AccountId.of(accountId));
    }

    public AccountSpecBuilder ofCustomer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    /** A POP3 drop (RFC 1939): port 995, keep mail on the server unless {@link #retaining} says otherwise. */
    public AccountSpecBuilder pop3() {
        this.protocol = Protocol.POP3;
        this.port = 995;
        return this;
    }

    public AccountSpecBuilder withProtocol(Protocol protocol) {
        this.protocol = protocol;
        return this;
    }

    public AccountSpecBuilder on(String host, int port, Security security) {
        this.host = host;
        this.port = port;
        this.security = security;
        return this;
    }

    public AccountSpecBuilder trustingAnyCertificate() {
        this.trustAnyCertificate = true;
        return this;
    }

    public AccountSpecBuilder withUsername(String username) {
        this.username = username;
        return this;
    }

    /** Already encrypted ({@code SecretCipher}): a spec never carries a password in the clear. */
    public AccountSpecBuilder withEncryptedSecret(String encryptedSecret) {
        this.encryptedSecret = encryptedSecret;
        return this;
    }

    public AccountSpecBuilder withFolders(String... folders) {
        this.folders = List.of(folders);
        return this;
    }

    public AccountSpecBuilder polledEvery(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return this;
    }

    public AccountSpecBuilder retaining(Pop3Retention retention) {
        this.retention = retention;
        return this;
    }

    public AccountSpecBuilder storingBodies() {
        this.storeBodies = true;
        return this;
    }

    /** The provisioned limits quota-service holds usage against where the server reports none; null for none. */
    public AccountSpecBuilder withQuotaLimit(Long bytes, Long messages) {
        this.quotaLimitBytes = bytes;
        this.quotaLimitMessages = messages;
        return this;
    }

    public AccountSpecBuilder withContactAddress(String contactAddress) {
        this.contactAddress = contactAddress;
        return this;
    }

    public AccountSpecBuilder onPlan(String plan) {
        this.plan = plan;
        return this;
    }

    public AccountSpecBuilder updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** Shared with {@code person} (issue 23), with scopes by their wire names ({@code read}, {@code write}, ...). */
    public AccountSpecBuilder sharedWith(String person, String contactAddress, String... scopes) {
        grants.add(new AccountSpec.Grant(person, List.of(scopes), contactAddress, updatedAt));
        return this;
    }

    public AccountSpec build() {
        return new AccountSpec(accountId, customerId, protocol, host, port, security, trustAnyCertificate, username,
                encryptedSecret, folders, pollInterval, retention, storeBodies, quotaLimitBytes, quotaLimitMessages,
                contactAddress, updatedAt, plan, grants);
    }
}
