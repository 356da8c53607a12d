package io.mailsync.webhook.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Subscription;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key rotation for webhook signing secrets (issue 22, as ADR 0014 does for mailbox passwords): at the service's
 * start, every secret sealed with a previous key is sealed again with the current one, page by page with progress in
 * the log; each subscription only if its secrets are still the ones read, so a secret rotated meanwhile is never
 * undone. A secret no configured key opens stays as it is and is named (the subscription, never the secret) in a
 * warning. Idempotent: a second run finds nothing to do, and once it found nothing the previous key may go.
 */
public final class ReEncryptSubscriptionSecrets {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptSubscriptionSecrets.class);
    static final int PAGE = 500;

    private final SubscriptionStore store;
    private final SubscriptionSecrets secrets;

    public ReEncryptSubscriptionSecrets(SubscriptionStore store, SubscriptionSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    /** What a run did: subscriptions read, re-encrypted, and left as they were because no key opened them. */
    public record Progress(int read, int reEncrypted, int unopened) {
    }

    public Progress reEncryptAll() {
        int read = 0;
        int done = 0;
        int unopened = 0;
        for (List<Subscription> page = store.page(null, PAGE); !page.isEmpty();
             page = store.page(page.getLast().id(), PAGE)) {
            for (Subscription s : page) {
                read++;
                if (!secrets.sealedWithAPreviousKey(s)) {
                    continue;
                }
                try {
                    if (store.replaceSecrets(s.id(), s.secrets(), secrets.resealed(s))) {
                        done++;
                    }
                } catch (SecretCipher.UndecryptableSecretException e) {
                    unopened++;
                    log.warn("webhook subscription {}: a secret under a key that is not configured stays as it is",
                            s.id().value());
                }
            }
            log.info("re-encrypting webhook secrets: {} subscriptions read, {} re-encrypted", read, done);
        }
        return new Progress(read, done, unopened);
    }
}
