package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import io.mailsync.sync.application.port.out.KeywordUpdates.PendingWriteBack;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.support.MailEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpdateKeywordsTest {

    private final Fixture f = new Fixture();

    private static KeywordDelta delta(String keyword, boolean set) {
        return KeywordDelta.parse(Map.of(keyword, set));
    }

    @Test
    void aLiveReadIsWrittenBackWithOnlyWhatChanged() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m", "$flagged"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();

        UpdateKeywords.Result result = f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device),
                KeywordDelta.parse(Map.of("$seen", true, "$flagged", true)), null, null);

        assertThat(result.message().keywords()).containsExactlyInAnyOrder(Keyword.SEEN, Keyword.FLAGGED);
        assertThat(result.state().text()).isEqualTo("1-2");
        assertThat(f.published.commands()).singleElement().isInstanceOfSatisfying(SetFlags.class, set -> {
            assertThat(set.add()).containsExactly("$seen");
            assertThat(set.remove()).isEmpty();
            assertThat(set.origin()).isEqualTo(Origin.device(device));
        });
    }

    @Test
    void aWriteBackThatCannotBeSentNowIsSentLaterAndTheEditStands() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();
        f.published.brokerDown(true);

        UpdateKeywords.Result result = f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device),
                delta("$seen", true),
                null, null);

        assertThat(result.message().keywords()).containsExactly(Keyword.SEEN);
        assertThat(f.published.commands()).isEmpty();
        f.clock.advance(SendWriteBack.SETTLE.plusSeconds(1)); // the retrier's next round
        assertThat(f.sendWriteBack.retryPending()).isZero();
        f.published.brokerDown(false);
        assertThat(f.sendWriteBack.retryPending()).isEqualTo(1);
        assertThat(f.published.commands()).singleElement().isInstanceOfSatisfying(SetFlags.class,
                set -> assertThat(set.add()).containsExactly("$seen"));
        assertThat(f.sendWriteBack.retryPending()).as("sent once").isZero();
    }

    @Test
    void aWriteBackOnItsWayIsNotSentTwiceAndLeavesTheOutboxOnceTheBrokerHasIt() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();
        f.published.slowBroker(true);

        UpdateKeywords.Result result = f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device),
                delta("$seen", true), null, null);

        assertThat(result.message().keywords()).containsExactly(Keyword.SEEN);
        assertThat(result.message().modseq()).as("the message as written").isEqualTo(2);
        assertThat(f.published.commands()).as("dispatched before the edit answered").hasSize(1);
        assertThat(f.sendWriteBack.retryPending()).as("not acknowledged yet, but on its way: not sent again").isZero();
        f.published.acknowledge();
        assertThat(f.sendWriteBack.retryPending()).as("acknowledged: no longer in the outbox").isZero();
        assertThat(f.published.commands()).hasSize(1);
    }

    /**
     * The retrier reads the outbox, the acknowledgement lands and takes the command out of it and off its way, then
     * the retrier looks at what it read: without {@link SendWriteBack#SETTLE} it sent the command a second time.
     */
    @Test
    void aWriteBackAcknowledgedJustAfterTheRetrierReadTheOutboxIsNotSentAgain() {
        AccountId account = AccountId.of("acc-1");
        MessageId message = MessageIds.of(account, "imap:INBOX:7:1");
        SetFlags seen = new SetFlags(UUID.randomUUID(), f.clock.instant(), account, Origin.device("phone-1"),
                MessageLocator.imap("INBOX", 7, 1), Set.of("$seen"), Set.of(), null);
        List<PendingWriteBack> readBeforeTheAck = List.of(new PendingWriteBack(account, message, seen));
        List<SetFlags> leftTheOutbox = new ArrayList<>();
        SendWriteBack sending = new SendWriteBack(new KeywordUpdates() {
            @Override
            public boolean updateKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                          Set<Keyword> keywords, ModSeq modseq, SetFlags writeBack) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writeBackSent(AccountId accountId, MessageId messageId, SetFlags writeBack) {
                leftTheOutbox.add(writeBack);
            }

            @Override
            public List<PendingWriteBack> pendingWriteBacks(int limit) {
                return readBeforeTheAck;
            }
        }, f.published, Runnable::run, f.clock);
        f.published.slowBroker(true);

        sending.sendSoon(account, message, seen);
        f.published.acknowledge();

        assertThat(leftTheOutbox).containsExactly(seen);
        assertThat(sending.retryPending()).isZero();
        assertThat(f.published.commands()).hasSize(1);
        // what the outbox still shows once the command is older than its dispatch can take is sent again
        f.clock.advance(SendWriteBack.SETTLE.plusSeconds(1));
        assertThat(sending.retryPending()).isEqualTo(1);
    }

    @Test
    void aNoOpEditNeitherAdvancesTheStateNorWritesBack() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m", "$seen"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();

        f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device), delta("$seen", true), null,
                null);

        assertThat(f.state(account)).isEqualTo("1-1");
        assertThat(f.published.commands()).isEmpty();
    }

    @Test
    void readWinsOverAStaleOfflineUnreadButALiveUnreadApplies() {
        String account = f.imapAccount();
        String phone = f.device(account);
        String laptop = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();
        String laptopBase = f.state(account);
        f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(phone), delta("$seen", true), null,
                null);

        UpdateKeywords.Result stale = f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(laptop),
                delta("$seen", false), laptopBase, null);
        UpdateKeywords.Result live = f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(laptop),
                delta("$seen", false), f.state(account), null);

        assertThat(stale.message().keywords()).containsExactly(Keyword.SEEN);
        assertThat(live.message().keywords()).isEmpty();
    }

    @Test
    void aConditionalEditAfterAChangeFailsItsPrecondition() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        String id = MessageIds.of(AccountId.of(account), "imap:INBOX:7:1").value();
        String condition = f.state(account);
        f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device), delta("$flagged", true), null,
                null);

        assertThatThrownBy(() -> f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device),
                delta("$seen", true), null,
                condition)).isInstanceOf(SyncProblems.PreconditionFailed.class);
    }

    @Test
    void pop3HasNoServerFlagsToWriteBack() {
        String account = f.account(AccountSpec.Protocol.POP3, null);
        String device = f.device(account);
        f.apply.apply(MailEvents.arrived(account, io.mailsync.events.MessageLocator.pop3("u"), "m"));
        String id = MessageIds.of(AccountId.of(account), "pop3:u").value();

        f.update.update(Fixture.OWNER, AccountId.of(account), id, DeviceId.of(device), delta("$seen", true), null,
                null);

        assertThat(f.published.commands()).isEmpty();
        assertThat(f.devices.records(AccountId.of(account), MessageId.of(id))).singleElement()
                .satisfies(r -> assertThat(r.readAt()).isNotNull());
    }

    @Test
    void anotherCustomersMessageIsNotFound() {
        String account = f.imapAccount();
        String device = f.device(account);

        assertThatThrownBy(() -> f.update.update(new Caller("someone-else", false), AccountId.of(account), "M1",
                DeviceId.of(device),
                delta("$seen", true), null, null)).isInstanceOf(SyncProblems.NotFound.class);
    }

    @Test
    void anIdThatIsNotAMessageIdIsNotFoundAndChangesNothing() {
        String account = f.imapAccount();
        String device = f.device(account);
        f.apply.apply(MailEvents.imapArrived(account, 1, "m"));
        String state = f.state(account);

        // RFC 8620 §1.2 ids are A-Za-z0-9-_ only: "../x" names no message, as before the ports were typed (issue 21)
        assertThatThrownBy(() -> f.update.update(Fixture.OWNER, AccountId.of(account), "../x", DeviceId.of(device),
                delta("$seen", true), null,
                null)).isInstanceOf(SyncProblems.NotFound.class);
        assertThat(f.state(account)).isEqualTo(state);
    }
}
