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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every registered account's spec to the accounts topic again. The topic is the fetchers' source of
 * truth and is compacted, so this is idempotent; it matters where the broker lost the topic but MongoDB kept the
 * registry (devstack's embedded Kafka starts empty): without it no session would ever reopen.
 * <p>
 * It is also the credential key's rotation (issue 22, deploy/README "Rotating the credential key"): a password
 * sealed with a previous key is re-encrypted with the current one, stored — only if it is still the one read, so a
 * password replaced meanwhile wins — and published in its new form, so the fetcher logs in with it and the old key
 * can go once none is left. Progress goes to the log; a secret no configured key opens is published as it is and
 * named by account and key id, never by content.
 */
public class RepublishAccounts {

    private static final Logger log = LoggerFactory.getLogger(RepublishAccounts.class);
    private static final int PAGE = 500;

    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final SecretCipher cipher;
    private final Clock clock;

    /** What one run did. */
    public record Outcome(int published, int reEncrypted, int undecryptable) {
    }

    public RepublishAccounts(AccountStore accounts, AccountPublisher publisher, SecretCipher cipher, Clock clock) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Outcome republishAll() {
        int published = 0;
        int reEncrypted = 0;
        int undecryptable = 0;
        AccountId after = null;
        List<Account> page;
        do {
            page = accounts.page(after, PAGE);
            for (Account account : page) {
                AccountSpec spec = account.spec();
                if (cipher.needsReEncryption(spec.encryptedSecret())) {
                    AccountSpec rotated = reEncrypted(spec);
                    if (rotated == null) {
                        undecryptable++;
                    } else if (rotated != spec) {
                        spec = rotated;
                        reEncrypted++;
                    }
                }
                publisher.publish(spec);
                published++;
            }
            after = page.isEmpty() ? after : page.getLast().accountId();
            if (reEncrypted > 0 && published % (PAGE * 10) == 0) {
                log.info("credential key rotation: {} re-encrypted so far, {} accounts read", reEncrypted, published);
            }
        } while (page.size() == PAGE);
        if (reEncrypted > 0 || undecryptable > 0) {
            log.info("credential key rotation: {} passwords re-encrypted with the current key, {} no configured key"
                    + " opens, {} accounts", reEncrypted, undecryptable, published);
        }
        return new Outcome(published, reEncrypted, undecryptable);
    }

    /** The spec under the current key; the same spec when it changed meanwhile; null when no key opens it. */
    private AccountSpec reEncrypted(AccountSpec spec) {
        String password;
        try {
            password = cipher.decrypt(spec.accountId().value(), spec.encryptedSecret());
        } catch (SecretCipher.UndecryptableSecretException e) {
            log.warn("account {}: its password cannot be re-encrypted: {}", spec.accountId(), e.getMessage());
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccountSpec rotated = spec.withSecret(cipher.encrypt(spec.accountId().value(), password), now);
        if (!accounts.replaceSecret(spec.accountId(), spec.encryptedSecret(), rotated.encryptedSecret(),
                now)) {
            // replaced (or removed) since it was read: what is stored now is newer, and was published when it changed
            return spec;
        }
        return rotated;
    }
}
