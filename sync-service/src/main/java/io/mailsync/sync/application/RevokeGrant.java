package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.domain.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The owner takes a person's access away (issue 23). It holds here at once (every request reads the grants); the
 * spec is published so the gateway closes the person's open event streams and webhook-service stops their
 * deliveries. Revoking what was never granted is 404, after publishing the account as it is — so a revocation whose
 * announcement failed is announced by sending it again.
 */
public class RevokeGrant {

    private final AccountAccess access;
    private final AccountGrants grants;
    private final GrantAnnouncer announcer;
    private final Clock clock;

    public RevokeGrant(AccountAccess access, AccountGrants grants, GrantAnnouncer announcer, Clock clock) {
        this.access = access;
        this.grants = grants;
        this.announcer = announcer;
        this.clock = clock;
    }

    public void revoke(Caller caller, AccountId accountId, String person) {
        Account before = access.require(caller, accountId);
        boolean held = AccountAccess.grantOf(before, person).isPresent();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Account after = grants.revoke(accountId, person, now)
                .orElseThrow(() -> new SyncProblems.NotFound("no account " + accountId));
        announcer.announce(after, "the grant is revoked here");
        if (!held) {
            throw new SyncProblems.NotFound("account " + accountId + " is not shared with " + person);
        }
    }
}
