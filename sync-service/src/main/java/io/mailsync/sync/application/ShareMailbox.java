package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.Grant;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The owner shares a mailbox with another person (issue 23: a family address, a small business's {@code info@}),
 * identified by their customer id — what their tokens carry as {@code sub}. Granting again replaces the earlier
 * grant. The account's spec is published with its grants, so the gateway and webhook-service learn them at once.
 */
public class ShareMailbox {

    private final AccountAccess access;
    private final AccountGrants grants;
    private final GrantAnnouncer announcer;
    private final Clock clock;

    public ShareMailbox(AccountAccess access, AccountGrants grants, GrantAnnouncer announcer, Clock clock) {
        this.access = access;
        this.grants = grants;
        this.announcer = announcer;
        this.clock = clock;
    }

    public Grant share(Caller caller, AccountId accountId, String person, List<String> scopes, String contactAddress) {
        Account account = access.require(caller, accountId);
        if (person != null && person.equals(account.customerId())) {
            throw new IllegalArgumentException("person: the mailbox is already theirs (its owner)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what MongoDB keeps
        Grant grant = new Grant(person, scopes(scopes), contactAddress, now);
        Account after = grants.grant(accountId, grant, now)
                .orElseThrow(() -> new SyncProblems.NotFound("no account " + accountId));
        announcer.announce(after, "the grant is stored");
        return grant;
    }

    private static Set<GrantScope> scopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("scopes: name at least one of " + GrantScope.allWireNames());
        }
        Set<GrantScope> scopes = EnumSet.noneOf(GrantScope.class);
        for (String name : names) {
            scopes.add(GrantScope.ofWireName(name).orElseThrow(() -> new IllegalArgumentException(
                    "scopes: '" + name + "' is not one of " + GrantScope.allWireNames())));
        }
        return scopes;
    }
}
