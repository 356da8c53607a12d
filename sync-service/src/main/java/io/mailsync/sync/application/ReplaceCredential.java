package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Replaces a registered mailbox's password (issue 22: a customer changes it at the ISP, and until now the mailbox had
 * to be removed and registered again, losing its devices and read state). The new password is encrypted like the
 * first; the spec is stored, then published, and the fetcher holding the mailbox logs in again with it — a mailbox
 * that was AUTH_FAILED returns to work without anything else being done.
 */
public class ReplaceCredential {

    private final AccountAccess access;
    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final SecretCipher cipher;
    private final Clock clock;

    public ReplaceCredential(AccountAccess access, AccountStore accounts, AccountPublisher publisher,
                             SecretCipher cipher, Clock clock) {
        this.access = access;
        this.accounts = accounts;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Account replace(Caller caller, AccountId accountId, String password) {
        Account account = access.require(caller, accountId);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password: the mailbox's new password is required");
        }
        if (account.spec().hostLogin() != null && account.spec().hostLogin().mechanism().usesHostCredential()) {
            // issue 22: the host's own credential logs in for this mailbox; a customer password would only lie around
            throw new IllegalArgumentException("mail host " + account.spec().hostLogin().hostId() + " logs in for "
                    + "this mailbox with its own credential: it takes no password");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what MongoDB keeps, as at registration
        AccountSpec next = account.spec().withSecret(cipher.encrypt(accountId.value(), password), now);
        if (!accounts.replaceSecret(accountId, null, next.encryptedSecret(), now)) {
            throw new SyncProblems.NotFound("no account " + accountId);
        }
        try {
            publisher.publish(next);
        } catch (RuntimeException e) {
            // stored but not announced: the fetcher still has the old one until the next start republishes it
            throw new SyncProblems.Unavailable("the new password is stored but could not be handed to the fetcher"
                    + " yet; send it again", e);
        }
        return new Account(next, account.status(), account.statusReason(), account.statusAt(), account.createdAt(),
                account.ownerEpoch());
    }
}
