package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.domain.Account;

/**
 * Publishes an account whose grants changed (issue 23), so the gateway (push streams, its tenant check) and
 * webhook-service (subscriptions) follow a grant or a revocation within a moment. sync-service itself reads grants
 * from its store on every request, so a revocation holds here even when the broker is away.
 */
public class GrantAnnouncer {

    private final AccountPublisher publisher;

    public GrantAnnouncer(AccountPublisher publisher) {
        this.publisher = publisher;
    }

    void announce(Account account, String done) {
        try {
            publisher.publish(account.spec());
        } catch (RuntimeException e) {
            // stored, not yet announced: the next start republishes every account; repeating the call publishes again
            throw new SyncProblems.Unavailable(done + " but could not be announced to the gateway yet; send it again",
                    e);
        }
    }
}
