package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.support.MailEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A batch of events has the outcome of applying them one by one: no duplicates, per-account order, no lost change. */
class ApplyMailEventsTest {

    private final Fixture f = new Fixture();

    @Test
    void aBatchWithADuplicateStoresTheMessageOnceWithOneChange() {
        String account = f.imapAccount();
        MessageArrived first = MailEvents.imapArrived(account, 1, "first");
        MessageArrived second = MailEvents.imapArrived(account, 2, "second");

        f.applyAll.apply(List.of(first, second, first));

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).hasSize(2);
        assertThat(f.changeLog.read(AccountId.of(account), ModSeq.of(0), ModSeq.of(100), 100)).extracting(ChangeEntry::kind)
                .containsExactly(ChangeKind.CREATED, ChangeKind.CREATED);
        assertThat(f.state(account)).isEqualTo("1-2");
        assertThat(f.published.states()).as("one state push per account per batch").hasSize(1);
    }

    @Test
    void aReplayedBatchChangesNothing() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        List<MailEvent> batch = List.of(arrived, flags(account, arrived.locator(), 5L, Set.of("$Seen"), Set.of()));

        f.applyAll.apply(batch);
        f.applyAll.apply(batch);

        assertThat(message(account, arrived).keywords()).containsExactly(Keyword.SEEN);
        assertThat(f.state(account)).isEqualTo("1-2");
    }

    @Test
    void aBatchSpanningAccountsKeepsEachAccountsOrder() {
        String a = f.imapAccount();
        String b = f.imapAccount();
        MessageArrived inA = MailEvents.imapArrived(a, 1, "a");
        MessageArrived inB = MailEvents.imapArrived(b, 1, "b");

        f.applyAll.apply(List.of(inA, inB,
                flags(a, inA.locator(), 10L, Set.of("$Seen"), Set.of()),
                flags(b, inB.locator(), 10L, Set.of("$Flagged"), Set.of()),
                flags(a, inA.locator(), 11L, Set.of(), Set.of("$Seen")),
                flags(a, inA.locator(), 9L, Set.of("$Answered"), Set.of()))); // older than 11: ignored

        assertThat(message(a, inA).keywords()).isEmpty();
        assertThat(message(b, inB).keywords()).containsExactly(Keyword.FLAGGED);
        assertThat(f.state(a)).isEqualTo("1-3");
        assertThat(f.state(b)).isEqualTo("1-2");
        assertThat(f.changeLog.read(AccountId.of(a), ModSeq.of(0), ModSeq.of(100), 100)).extracting(ChangeEntry::kind)
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.UPDATED);
        assertThat(f.published.states()).hasSize(2);
    }

    @Test
    void anExpungeInTheMiddleOfABatchIsAppliedInItsPlace() {
        String account = f.imapAccount();
        MessageArrived gone = MailEvents.imapArrived(account, 1, "gone");
        MessageArrived kept = MailEvents.imapArrived(account, 2, "kept");

        f.applyAll.apply(List.of(gone, MailEvents.expunged(account, gone.locator()),
                flags(account, gone.locator(), 20L, Set.of("$Seen"), Set.of()), kept,
                flags(account, kept.locator(), 21L, Set.of("$Seen"), Set.of())));

        assertThat(message(account, gone).destroyed()).isTrue();
        assertThat(message(account, gone).keywords()).as("a flag change after the expunge changes nothing").isEmpty();
        assertThat(message(account, kept).keywords()).containsExactly(Keyword.SEEN);
        assertThat(f.state(account)).isEqualTo("1-4");
    }

    @Test
    void theEchoOfADevicesWriteBackInABatchIsNotAChange() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");

        f.applyAll.apply(List.of(arrived, MailEvents.flagsChanged(account, arrived.locator(), Origin.device("d-1"),
                Set.of("$Seen"), Set.of())));

        assertThat(message(account, arrived).keywords()).isEmpty();
        assertThat(f.state(account)).isEqualTo("1-1");
    }

    @Test
    void aPop3MessageArrivingTwiceInABatchIsHandedOffOnce() {
        String account = f.account(AccountSpec.Protocol.POP3,
                new Pop3Retention(Pop3Retention.Policy.DELETE_AFTER_FETCH, null));
        MessageArrived arrived = MailEvents.arrived(account, MessageLocator.pop3("u1"), "pop");

        f.applyAll.apply(List.of(arrived, arrived));
        f.applyAll.apply(List.of(arrived));

        assertThat(f.published.commands()).singleElement().isInstanceOf(DeleteFromServer.class);
    }

    @Test
    void aMessageADeviceChangedMeanwhileGetsTheServersChangeToo() {
        String account = f.imapAccount();
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m");
        f.applyAll.apply(List.of(arrived));
        String device = f.device(account);
        // the device's edit lands between the batch's read and its write: simulated by a store that lags one step
        f.messages.beforeNextConditionalWrite(() -> f.update.update(Fixture.OWNER, AccountId.of(account),
                message(account, arrived)
                .id().value(), DeviceId.of(device), KeywordDelta.parse(Map.of("$flagged", true)), null, null));

        f.applyAll.apply(List.of(flags(account, arrived.locator(), 30L, Set.of("$Seen"), Set.of())));

        assertThat(message(account, arrived).keywords()).containsExactlyInAnyOrder(Keyword.SEEN, Keyword.FLAGGED);
    }

    @Test
    void aMessageReMatchedAfterAFolderResetIsFoundAtItsNewLocationInABatch() {
        String account = f.imapAccount();
        MessageArrived before = MailEvents.imapArrived(account, 3, "kept");
        f.applyAll.apply(List.of(before));
        f.applyAll.apply(List.of(new io.mailsync.events.FolderReset(UUID.randomUUID(), Instant.now(),
                AccountId.of(account),
                Origin.session("s"), "INBOX", 7L, 8L)));
        MessageArrived rebuilt = new MessageArrived(UUID.randomUUID(), Instant.now(), AccountId.of(account),
                Origin.session("s"),
                MessageLocator.imap("INBOX", 8, 1), null, before.messageIdHeader(), before.from(), before.to(),
                before.cc(), before.subject(), before.sentAt(), before.receivedAt(), before.size(), Set.of(), null,
                true);
        f.applyAll.apply(List.of(rebuilt));

        // the same message announced again without the rebuild mark, and a flag change at its new location
        MessageArrived again = new MessageArrived(UUID.randomUUID(), Instant.now(), AccountId.of(account),
                Origin.session("s"),
                rebuilt.locator(), null, before.messageIdHeader(), before.from(), before.to(), before.cc(),
                before.subject(), before.sentAt(), before.receivedAt(), before.size(), Set.of(), null, false);
        f.applyAll.apply(List.of(again, flags(account, rebuilt.locator(), 40L, Set.of("$Seen"), Set.of())));

        assertThat(f.messages.list(AccountId.of(account), null, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo(message(account, before).id()))
                .satisfies(m -> assertThat(m.keywords()).containsExactly(Keyword.SEEN));
    }

    @Test
    void aBatchHasTheOutcomeOfTheSameEventsOneByOne() {
        Fixture oneByOne = new Fixture();
        String batched = f.imapAccount();
        String single = oneByOne.imapAccount();

        List<MailEvent> forBatch = mixedEvents(batched);
        f.applyAll.apply(forBatch);
        mixedEvents(single).forEach(oneByOne.apply::apply);

        assertThat(summary(f, batched)).isEqualTo(summary(oneByOne, single));
        assertThat(f.state(batched)).isEqualTo(oneByOne.state(single));
        assertThat(f.changeLog.read(AccountId.of(batched), ModSeq.of(0), ModSeq.of(1000), 1000)).extracting(ChangeEntry::kind)
                .isEqualTo(oneByOne.changeLog.read(AccountId.of(single), ModSeq.of(0), ModSeq.of(1000), 1000).stream().map(ChangeEntry::kind).toList());
    }

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static List<MailEvent> mixedEvents(String account) {
        Function<Integer, MessageLocator> at = uid -> MessageLocator.imap("INBOX", 7, (long) uid);
        List<MailEvent> events = new ArrayList<>();
        for (long uid = 1; uid <= 6; uid++) {
            events.add(new MessageArrived(new UUID(0, uid), T0, AccountId.of(account), Origin.session("s"),
                    at.apply((int) uid), uid,
                    "<" + uid + "@t>", List.of("a@t"), List.of("b@t"), List.of(), "s" + uid, T0, T0, 100 + uid,
                    uid % 2 == 0 ? Set.of("$Seen") : Set.of(), null, false));
        }
        events.add(events.get(2)); // a replay
        events.add(flags(account, at.apply(1), 10L, Set.of("$Seen"), Set.of()));
        events.add(flags(account, at.apply(2), 11L, Set.of(), Set.of("$Seen")));
        events.add(flags(account, at.apply(1), 10L, Set.of("$Flagged"), Set.of())); // same modseq: older
        events.add(flags(account, at.apply(3), 12L, Set.of("$Seen"), Set.of()));
        events.add(MailEvents.expunged(account, at.apply(4)));
        events.add(flags(account, at.apply(3), 13L, Set.of("$Answered"), Set.of("$Seen")));
        events.add(flags(account, at.apply(99), 14L, Set.of("$Seen"), Set.of())); // no such message
        events.add(flags(account, at.apply(5), 15L, Set.of(), Set.of())); // nothing changed
        events.add(events.get(0));
        return events;
    }

    private static Map<String, String> summary(Fixture fixture, String account) {
        Map<String, String> summary = new TreeMap<>();
        for (long uid = 1; uid <= 6; uid++) {
            String key = MessageLocator.imap("INBOX", 7, uid).key();
            fixture.messages.findByLocator(AccountId.of(account), MessageLocator.imap("INBOX", 7, uid)).ifPresent(m -> summary.put(
                    key, new java.util.TreeSet<>(m.keywords()) + " destroyed=" + m.destroyed() + " modseq="
                            + m.modseq() + " created=" + m.createdModseq() + " server=" + m.serverModSeq()));
        }
        return summary;
    }

    private StoredMessage message(String account, MessageArrived arrived) {
        return f.messages.find(AccountId.of(account), MessageIds.of(AccountId.of(account), arrived.locator().key())).orElseThrow();
    }

    private static MessageFlagsChanged flags(String account, MessageLocator at, Long modSeq, Set<String> added,
                                             Set<String> removed) {
        return new MessageFlagsChanged(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.server(), at,
                modSeq, added,
                removed, null);
    }
}
