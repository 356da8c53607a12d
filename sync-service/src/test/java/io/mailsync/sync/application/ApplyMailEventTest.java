package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.FolderReset;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.support.MailEvents;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplyMailEventTest {

    private final Fixture f = new Fixture();

    @Test
    void aReplayedArrivalChangesNothing() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "once", "$Seen");

        f.apply.apply(arrived);
        f.apply.apply(arrived);

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.keywords()).containsExactly(Keyword.SEEN));
        assertThat(f.state(account)).isEqualTo("1-1");
        assertThat(f.published.states()).hasSize(1);
    }

    @Test
    void anOlderServerFlagEventIsIgnoredByServerModseq() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        f.apply.apply(arrived);
        MessageFlagsChanged newer = flags(account, arrived.locator(), 20L, Set.of("$flagged"), Set.of());
        MessageFlagsChanged older = flags(account, arrived.locator(), 10L, Set.of(), Set.of("$flagged"));

        f.apply.apply(newer);
        f.apply.apply(older);

        assertThat(message(account, arrived).keywords()).containsExactly(Keyword.FLAGGED);
        assertThat(f.state(account)).isEqualTo("1-2");
    }

    @Test
    void theEchoOfADevicesWriteBackIsNotASecondChange() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        f.apply.apply(arrived);

        f.apply.apply(MailEvents.flagsChanged(account, arrived.locator(), Origin.device("d-1"), Set.of("$seen"),
                Set.of()));

        assertThat(message(account, arrived).keywords()).isEmpty();
        assertThat(f.state(account)).isEqualTo("1-1");
    }

    @Test
    void aPop3MessageIsHandedOffOnceAndSurvivesTheServerDeletingIt() {
        String account = f.account(AccountSpec.Protocol.POP3,
                new Pop3Retention(Pop3Retention.Policy.DELETE_AFTER_FETCH, null));
        MessageArrived arrived = MailEvents.arrived(account, MessageLocator.pop3("u1"), "pop");

        f.apply.apply(arrived);
        f.apply.apply(arrived);
        f.apply.apply(MailEvents.expunged(account, arrived.locator()));

        assertThat(f.published.commands()).singleElement().isInstanceOf(DeleteFromServer.class);
        assertThat(message(account, arrived).destroyed()).isFalse();
    }

    @Test
    void aKeptPop3MessageGoneFromTheServerIsDestroyed() {
        String account = f.account(AccountSpec.Protocol.POP3, Pop3Retention.keep());
        MessageArrived arrived = MailEvents.arrived(account, MessageLocator.pop3("u1"), "pop");

        f.apply.apply(arrived);
        f.apply.apply(MailEvents.expunged(account, arrived.locator()));

        assertThat(f.published.commands()).isEmpty();
        assertThat(message(account, arrived).destroyed()).isTrue();
        assertThat(f.state(account)).isEqualTo("1-2");
    }

    @Test
    void aFolderResetStartsOneNewEpochAndARebuiltMessageKeepsItsId() {
        String account = f.imapAccount();
        MessageArrived before = MailEvents.imapArrived(account, 3, "kept");
        f.apply.apply(before);
        FolderReset reset = new FolderReset(UUID.randomUUID(), Instant.now(), AccountId.of(account),
                Origin.session("s"), "INBOX",
                7L, 8L);

        f.apply.apply(reset);
        f.apply.apply(reset);
        f.apply.apply(new MessageArrived(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.session("s"),
                MessageLocator.imap("INBOX", 8, 1), null, before.messageIdHeader(), before.from(), before.to(),
                before.cc(), before.subject(), before.sentAt(), before.receivedAt(), before.size(), Set.of(), null,
                true));

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.locator()).isEqualTo(MessageLocator.imap("INBOX", 8, 1)))
                .satisfies(m -> assertThat(m.id()).isEqualTo(message(account, before).id()));
        assertThat(f.state(account)).isEqualTo("2-1");
    }

    @Test
    void eventsOfAnUnknownAccountAreSkipped() {
        f.apply.apply(MailEvents.imapArrived("a-unknown", 1, "nobody's"));

        assertThat(f.messages.list(AccountId.of("a-unknown"), null, null, 10)).isEmpty();
    }

    private StoredMessage message(String account, MessageArrived arrived) {
        return f.messages.find(AccountId.of(account), io.mailsync.sync.domain.MessageIds.of(AccountId.of(account), arrived.locator().key()))
                .orElseThrow();
    }

    private static MessageFlagsChanged flags(String account, MessageLocator at, Long modSeq, Set<String> added,
                                             Set<String> removed) {
        return new MessageFlagsChanged(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.server(), at,
                modSeq, added,
                removed, null);
    }
}
