package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.sync.support.MailEvents;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: events of a stale fetcher owner (an older epoch than the newest seen for the account) are not applied;
 * events without an epoch always are; a replay of the log changes nothing — in the batch path and one by one alike.
 */
class OwnerEpochGateTest {

    private final Fixture f = new Fixture();

    @Test
    void aStaleOwnersEventsAfterTheNewOwnersAreIgnoredAndTheNewOwnersApply() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        List<MailEvent> log = List.of(
                arrived.withOwnerEpoch(1),
                status(account, Status.IDLE, "fetcher-a").withOwnerEpoch(1),
                status(account, Status.CONNECTING, "fetcher-b").withOwnerEpoch(2),
                status(account, Status.IDLE, "fetcher-b").withOwnerEpoch(2),
                // the paused fetcher-a resumes: what it still publishes is stale
                flags(account, arrived, Set.of("$Flagged")).withOwnerEpoch(1),
                status(account, Status.STOPPED, "fetcher-a").withOwnerEpoch(1),
                flags(account, arrived, Set.of("$Seen")).withOwnerEpoch(2));

        f.applyAll.apply(log);

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.keywords()).containsExactly(Keyword.SEEN));
        assertThat(f.accounts.find(AccountId.of(account)).orElseThrow().status()).isEqualTo("IDLE");
        assertThat(f.accounts.find(AccountId.of(account)).orElseThrow().ownerEpoch()).isEqualTo(2L);

        f.applyAll.apply(log); // a replay from the start: what was applied stays, what was stale stays ignored
        log.forEach(f.apply::apply); // and one by one, as the listener's fallback does

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.keywords()).containsExactly(Keyword.SEEN));
        assertThat(f.accounts.find(AccountId.of(account)).orElseThrow().status()).isEqualTo("IDLE");
    }

    @Test
    void eventsWithoutAnEpochAlwaysApply() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        f.applyAll.apply(List.of(status(account, Status.IDLE, "fetcher-b").withOwnerEpoch(5), arrived));
        f.apply.apply(flags(account, arrived, Set.of("$Flagged")));

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.keywords()).containsExactly(Keyword.FLAGGED));
    }

    @Test
    void oneByOneAStaleEventIsIgnoredToo() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        f.apply.apply(arrived.withOwnerEpoch(3));
        f.apply.apply(flags(account, arrived, Set.of("$Seen")).withOwnerEpoch(2));

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.keywords()).isEmpty());
    }

    private static AccountStatusChanged status(String account, Status status, String fetcher) {
        return new AccountStatusChanged(UUID.randomUUID(), Instant.now(), AccountId.of(account),
                Origin.session(fetcher + "/" + account), status, null);
    }

    private static MessageFlagsChanged flags(String account, MessageArrived at, Set<String> added) {
        return new MessageFlagsChanged(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.server(),
                at.locator(), null,
                added, Set.of(), added);
    }
}
