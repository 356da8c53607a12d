package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.MailServerAddresses;
import io.mailsync.sync.domain.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers a mailbox: stores it with its password encrypted, then publishes it for the fetchers. */
public class RegisterAccount {

    private static final Logger log = LoggerFactory.getLogger(RegisterAccount.class);

    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final SecretCipher cipher;
    private final Clock clock;
    private final MailServerAddresses addresses;

    public RegisterAccount(AccountStore accounts, AccountPublisher publisher, SecretCipher cipher, Clock clock,
                           MailServerAddresses addresses) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
        this.addresses = addresses;
    }

    /**
     * {@code hostLogin} null: the mailbox logs in with its own password. Issue 22: a mailbox on a registered mail host
     * logs in as {@code hostLogin} says; where the host's own credential
     * logs in for it, it carries no password at all (and may not be given one).
     */
    public Account register(Caller caller, RegisterAccountCommand command, HostLogin hostLogin) {
        boolean hostLogsIn = hostLogin != null && hostLogin.mechanism().usesHostCredential();
        if (!hostLogsIn && command.password() == null) {
            throw new IllegalArgumentException("password is 1 to 1024 characters");
        }
        if (hostLogsIn && command.password() != null) {
            throw new IllegalArgumentException("mail host " + hostLogin.hostId() + " logs in for its mailboxes with "
                    + "its own credential: register the mailbox without a password");
        }
        String customerId = command.customerId() == null ? caller.customerId() : command.customerId();
        if (!caller.mayAct(customerId)) {
            throw new SyncProblems.Forbidden("only accounts.admin registers mailboxes for another customer");
        }
        Optional<String> refusal = addresses.refusal(command.host(), command.port());
        if (refusal.isPresent()) {
            // issue 16: the caller learns that the address is refused, not which rule refused it (no probe oracle)
            log.warn("registration for customer {} of {}:{} refused: {}", customerId, command.host(), command.port(),
                    refusal.get());
            throw new IllegalArgumentException("host and port must name a mail server mailsync may connect to: "
                    + "internal, loopback, link-local and metadata addresses, and ports other than the mail ports, "
                    + "are refused unless the operator allows them");
        }
        AccountId accountId = AccountId.of("a-" + UUID.randomUUID());
        // MongoDB keeps milliseconds: the spec published now equals the one republished from the store on startup
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccountSpec spec = new AccountSpec(accountId, customerId, command.protocol(), command.host(), command.port(),
                command.security(), command.trustAnyCertificate(), command.username(),
                command.password() == null ? null : cipher.encrypt(accountId.value(), command.password()),
                command.folders(), command.pollInterval(), command.retention(), command.storeBodies(),
                command.quotaLimitBytes(), command.quotaLimitMessages(), command.contactAddress(), now, command.plan(),
                hostLogin);
        Account account = new Account(spec, Account.PENDING, null, null, now);
        if (!accounts.insert(account)) {
            throw new SyncProblems.Conflict("this mailbox (" + command.protocol() + " " + command.username() + " at "
                    + command.host() + ":" + command.port() + ") is already registered for the customer");
        }
        try {
            publisher.publish(spec);
        } catch (RuntimeException e) {
            accounts.delete(accountId); // not published means not registered: the caller may simply retry
            throw new SyncProblems.Unavailable("the account could not be published; nothing was registered", e);
        }
        return account;
    }
}
