package io.mailsync.sync.application;

import static io.mailsync.testkit.builders.FolderResetBuilder.aFolderReset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.support.MailEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GetChangesTest {

    private final Fixture f = new Fixture();

    @Test
    void aStateWhoseNextChangeIsPastTheRetentionIsGoneButTheCurrentStateIsNot() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.clock.advance(Duration.ofDays(30).plusMinutes(1));

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-0", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
        assertThat(f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-1", null,
                null).changes().created()).isEmpty();
    }

    @Test
    void modseqsReservedButNotYetLoggedAreNotSkipped() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m1"));
        // a batch has reserved 2..4 and is writing their entries
        AccountCounter.Reservation batch = f.counter.reserve(AccountId.of(account), 3);

        GetChanges.Changes during = f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-0", null, null);
        f.changeLog.append(AccountId.of(account), new io.mailsync.sync.domain.ChangeEntry(3, "m3",
                io.mailsync.sync.domain.ChangeKind.CREATED, f.clock.instant()));
        GetChanges.Changes partly = f.getChanges.since(Fixture.OWNER, AccountId.of(account),
                during.newState().text(), null, null);
        f.changeLog.append(AccountId.of(account), new io.mailsync.sync.domain.ChangeEntry(2, "m2",
                io.mailsync.sync.domain.ChangeKind.CREATED, f.clock.instant()));
        f.changeLog.append(AccountId.of(account), new io.mailsync.sync.domain.ChangeEntry(4, "m4",
                io.mailsync.sync.domain.ChangeKind.CREATED, f.clock.instant()));
        f.counter.written(AccountId.of(account), batch); // and its messages
        GetChanges.Changes after = f.getChanges.since(Fixture.OWNER, AccountId.of(account), partly.newState().text(),
                null, null);

        assertThat(during.newState().text()).isEqualTo("1-1");
        assertThat(partly.newState().text()).as("entry 2 still missing").isEqualTo("1-1");
        assertThat(partly.changes().created()).isEmpty();
        assertThat(after.changes().created()).containsExactly("m2", "m3", "m4");
        assertThat(after.newState().text()).isEqualTo("1-4");
    }

    @Test
    void aModseqWhoseEntryWasLostLongAgoIsPassedOver() {
        String account = f.imapAccount();
        f.counter.reserve(AccountId.of(account), 2); // a crash after the reservation: entry 1 never written
        f.changeLog.append(AccountId.of(account), new io.mailsync.sync.domain.ChangeEntry(2, "m2",
                io.mailsync.sync.domain.ChangeKind.CREATED, f.clock.instant()));
        f.clock.advance(AccountCounter.WRITE_WINDOW.plusSeconds(1));

        GetChanges.Changes changes = f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-0", null, null);

        assertThat(changes.changes().created()).containsExactly("m2");
        assertThat(changes.newState().text()).isEqualTo("1-2");
    }

    @Test
    void prunedEntriesAnswerGoneEvenWhenTheClockSaysOtherwise() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.clock.advance(Duration.ofDays(31));
        f.prune.prune();
        f.clock.reset();

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-0", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
    }

    @Test
    void aStateFromBeforeAResetIsGoneAndOneFromTheFutureIsBadInput() {
        String account = f.imapAccount();
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        f.apply.apply(aFolderReset().forAccount(account).inFolder("INBOX").from(7L).to(8).build());

        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-1", null, null))
                .isInstanceOf(SyncProblems.StateGone.class);
        assertThatThrownBy(() -> f.getChanges.since(Fixture.OWNER, AccountId.of(account), "2-5", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.getChanges.since(Fixture.OWNER, AccountId.of(account), "2-1", null,
                null).newState().text()).isEqualTo("2-1");
    }

    @Test
    void aDeviceThatAsksAcknowledgesItsStateAndIsDeliveredTheNewMessages() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));

        GetChanges.Changes changes = f.getChanges.since(Fixture.OWNER, AccountId.of(account), "1-0", null,
                DeviceId.of(device));

        assertThat(f.devices.find(AccountId.of(account),
                DeviceId.of(device)).orElseThrow().ackState()).isEqualTo("1-0");
        assertThat(f.devices.records(AccountId.of(account), MessageId.of(changes.changes().created().getFirst()))).singleElement()
                .satisfies(r -> assertThat(r.deliveredAt()).isNotNull());
    }
}
