package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.FolderReset;
import io.mailsync.events.Origin;
import io.mailsync.sync.support.MailEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetChangesTest {

    private final Fixture f = new Fixture();

    @Test
    void aStateWhoseNextChangeIsPastTheRetentionIsGoneButTheCurrentStateIsNot() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.clock.advance(Duration.ofDays(30).plusMinutes(1));

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, account, "1-0", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
        assertThat(f.getChanges.since(Fixture.OWNER, account, "1-1", null, null).changes().created()).isEmpty();
    }

    @Test
    void prunedEntriesAnswerGoneEvenWhenTheClockSaysOtherwise() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.clock.advance(Duration.ofDays(31));
        f.prune.prune();
        f.clock.reset();

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, account, "1-0", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
    }

    @Test
    void aStateFromBeforeAResetIsGoneAndOneFromTheFutureIsBadInput() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.apply.apply(new FolderReset(UUID.randomUUID(), Instant.now(), account, Origin.session("s"), "INBOX", 7L, 8L));

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, account, "1-1", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, account, "2-5", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.getChanges.since(Fixture.OWNER, account, "2-1", null, null).newState().text()).isEqualTo("2-1");
    }

    @Test
    void aDeviceThatAsksAcknowledgesItsStateAndIsDeliveredTheNewMessages() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));

        GetChanges.Changes changes = f.getChanges.since(Fixture.OWNER, account, "1-0", null, device);

        assertThat(f.devices.find(account, device).orElseThrow().ackState()).isEqualTo("1-0");
        assertThat(f.devices.records(account, changes.changes().created().getFirst())).singleElement()
                .satisfies(r -> assertThat(r.deliveredAt()).isNotNull());
    }
}
