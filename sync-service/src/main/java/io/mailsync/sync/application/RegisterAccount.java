package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Registers a mailbox: stores it with its password encrypted, then publishes it for the fetchers. */
public class RegisterAccount {

    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final SecretCipher cipher;
    private final Clock clock;

    public RegisterAccount(AccountStore accounts, AccountPublisher publisher, SecretCipher cipher, Clock clock) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Account register(Caller caller, RegisterAccountCommand command) {
        String customerId = command.customerId() == null ? caller.customerId() : command.customerId();
        if (!caller.mayAct(customerId)) {
            throw new SyncProblems.Forbidden("only accounts.admin registers mailboxes for another customer");
        }
        String accountId = "a-" + UUID.randomUUID();
        // MongoDB keeps milliseconds: the spec published now equals the one republished from the store on startup
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccountSpec spec = new AccountSpec(accountId, customerId, command.protocol(), command.host(), command.port(),
                command.security(), command.trustAnyCertificate(), command.username(),
                cipher.encrypt(accountId, command.password()), command.folders(), command.pollInterval(),
                command.retention(), command.storeBodies(), command.quotaLimitBytes(), command.quotaLimitMessages(),
                command.contactAddress(), now, command.plan());
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
