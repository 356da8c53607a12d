package io.mailsync.sync.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the message ports promise, together, on one set of messages; implemented by the in-memory fake's test and the
 * MongoDB adapters' test.
 */
public interface MessagePortsContract {

    /** The ports on one set of messages, as the use cases get them. */
    record MessagePorts(MessageLookup lookup, MessageFiling filing, KeywordUpdates keywords,
                        MessageDestruction destruction, FolderResets resets, MessageBatches batches,
                        AccountMessages account) {
    }

    MessagePorts messages();

    private static StoredMessage message(String accountId, String id, MessageLocator locator, long modseq) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new StoredMessage(MessageId.of(id), AccountId.of(accountId), locator, new Envelope("<" + id + "@test>", List.of("a@test"),
                List.of("b@test"), List.of(), "subject " + id, now), now, 100, Set.of(Keyword.SEEN), null, modseq, modseq,
                null, now, false, false);
    }

    @Test
    default void theContentRefsOfAnAccountAreThoseOfItsMessagesWithABody() {
        String account = "a-" + UUID.randomUUID();
        StoredMessage plain = message(account, "m1-" + account, MessageLocator.imap("INBOX", 1, 1), 1);
        StoredMessage withBody = message(account, "m2-" + account, MessageLocator.imap("INBOX", 1, 2), 2);
        withBody = new StoredMessage(withBody.id(), withBody.accountId(), withBody.locator(), withBody.envelope(),
                withBody.receivedAt(), withBody.size(), withBody.keywords(), "gridfs:" + account, withBody.createdModseq(),
                withBody.modseq(), withBody.serverModSeq(), withBody.lastServerEventAt(), false, false);
        messages().filing().insert(plain);
        messages().filing().insert(withBody);
        messages().filing().insert(message("other-" + account, "m3-" + account, MessageLocator.imap("INBOX", 1, 3), 3));

        assertThat(messages().account().contentRefs(AccountId.of(account))).containsExactly("gridfs:" + account);
        messages().account().deleteAccount(AccountId.of(account));
        assertThat(messages().account().contentRefs(AccountId.of(account))).isEmpty();
    }

    @Test
    default void aSecondMessageAtTheSameLocationIsRefused() {
        String account = "a-" + UUID.randomUUID();
        MessageLocator at = MessageLocator.imap("INBOX", 1, 1);

        assertThat(messages().filing().insert(message(account, "m1-" + account, at, 1))).isTrue();
        assertThat(messages().filing().insert(message(account, "m2-" + account, at, 2))).isFalse();
        assertThat(messages().lookup().findByLocator(AccountId.of(account), at).orElseThrow().id()).isEqualTo(MessageId.of("m1-" + account));
    }

    @Test
    default void aBatchInsertReportsTheLocationsAlreadyTaken() {
        String account = "a-" + UUID.randomUUID();
        MessageLocator one = MessageLocator.imap("INBOX", 1, 1);
        MessageLocator two = MessageLocator.imap("INBOX", 1, 2);
        messages().filing().insert(message(account, "m1-" + account, one, 1));

        Set<MessageId> taken = messages().batches().insertAll(List.of(message(account, "m1-" + account, one, 2),
                message(account, "m2-" + account, two, 3), message(account, "m3-" + account, two, 4)));

        assertThat(taken).containsExactlyInAnyOrder(MessageId.of("m1-" + account), MessageId.of("m3-" + account));
        assertThat(messages().batches().findByLocators(AccountId.of(account), List.of(one, two, MessageLocator.imap("INBOX", 1, 3))))
                .containsOnlyKeys(one, two)
                .hasEntrySatisfying(two, m -> assertThat(m.id()).isEqualTo(MessageId.of("m2-" + account)));
    }

    @Test
    default void aMessageMovedToALocationIsFoundThereOnlyByLocation() {
        String account = "a-" + UUID.randomUUID();
        MessageLocator from = MessageLocator.imap("INBOX", 1, 1);
        MessageLocator to = MessageLocator.imap("INBOX", 2, 1);
        MessageLocator own = MessageLocator.imap("INBOX", 1, 2);
        messages().filing().insert(message(account, MessageIds.of(AccountId.of(account), from.key()).value(), from, 1));
        messages().filing().insert(message(account, MessageIds.of(AccountId.of(account), own.key()).value(), own, 2));
        messages().resets().relocate(AccountId.of(account), MessageIds.of(AccountId.of(account), from.key()), from, to,
                null, Instant.now());

        assertThat(messages().batches().findAtOwnLocations(AccountId.of(account), List.of(from, to, own))).containsOnlyKeys(own);
        assertThat(messages().batches().findByLocators(AccountId.of(account), List.of(from, to, own))).containsOnlyKeys(to, own);
        assertThat(messages().batches().findAtOwnLocations(AccountId.of("a-other"), List.of(own))).isEmpty();
    }

    @Test
    default void aBatchOfServerEventsReportsTheConditionalWritesThatLost() {
        String account = "a-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        messages().filing().insert(message(account, "m1-" + account, MessageLocator.imap("INBOX", 1, 1), 1));
        messages().filing().insert(message(account, "m2-" + account, MessageLocator.imap("INBOX", 1, 2), 1));
        messages().filing().insert(message(account, "m3-" + account, MessageLocator.imap("INBOX", 1, 3), 1));

        Set<MessageId> lost = messages().batches().applyServerEvents(AccountId.of(account), List.of(
                write("m1-" + account, Set.of(Keyword.FLAGGED), 1, 5, 50L, at),
                write("m2-" + account, Set.of(), 4, 6, 60L, at),
                write("m3-" + account, null, 1, 1, 70L, at.plusSeconds(1))));

        assertThat(lost).containsExactly(MessageId.of("m2-" + account));
        StoredMessage m1 = messages().lookup().find(AccountId.of(account), MessageId.of("m1-" + account)).orElseThrow();
        assertThat(m1.keywords()).containsExactly(Keyword.FLAGGED);
        assertThat(m1.modseq()).isEqualTo(5);
        assertThat(m1.serverModSeq()).isEqualTo(50L);
        assertThat(messages().lookup().find(AccountId.of(account), MessageId.of("m2-" + account)).orElseThrow().keywords()).containsExactly(Keyword.SEEN);
        StoredMessage m3 = messages().lookup().find(AccountId.of(account), MessageId.of("m3-" + account)).orElseThrow();
        assertThat(m3.modseq()).as("only the server's position moved").isEqualTo(1);
        assertThat(m3.serverModSeq()).isEqualTo(70L);
        assertThat(m3.lastServerEventAt()).isEqualTo(at.plusSeconds(1));
    }

    @Test
    default void aWriteBasedOnAStaleModseqLoses() {
        String account = "a-" + UUID.randomUUID();
        String id = "m-" + account;
        messages().filing().insert(message(account, id, MessageLocator.pop3("u1"), 1));

        assertThat(messages().keywords().updateKeywords(AccountId.of(account), MessageId.of(id), ModSeq.of(1), Set.of(Keyword.FLAGGED), ModSeq.of(2), null)).isTrue();
        assertThat(messages().keywords().updateKeywords(AccountId.of(account), MessageId.of(id), ModSeq.of(1), Set.of(), ModSeq.of(3), null)).as("based on modseq 1").isFalse();

        StoredMessage stored = messages().lookup().find(AccountId.of(account), MessageId.of(id)).orElseThrow();
        assertThat(stored.keywords()).containsExactly(Keyword.FLAGGED);
        assertThat(stored.modseq()).isEqualTo(2);
    }

    @Test
    default void aWriteBackIsQueuedWithItsChangeAndLeavesOnceSent() {
        String account = "a-" + UUID.randomUUID();
        String id = "m-" + account;
        MessageLocator at = MessageLocator.imap("INBOX", 1, 9);
        messages().filing().insert(message(account, id, at, 1));
        SetFlags first = new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.device("d"), at,
                Set.of("$flagged"), Set.of(), null);
        SetFlags second = new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(account), Origin.device("d"), at,
                Set.of(), Set.of("$seen"), null);

        messages().keywords().updateKeywords(AccountId.of(account), MessageId.of(id), ModSeq.of(1), Set.of(Keyword.SEEN, Keyword.FLAGGED), ModSeq.of(2), first);
        assertThat(messages().keywords().updateKeywords(AccountId.of(account), MessageId.of(id), ModSeq.of(1), Set.of(), ModSeq.of(3), second)).isFalse();
        messages().keywords().updateKeywords(AccountId.of(account), MessageId.of(id), ModSeq.of(2), Set.of(Keyword.FLAGGED), ModSeq.of(4), second);

        assertThat(queued(account)).containsExactly(first, second);
        messages().keywords().writeBackSent(AccountId.of(account), MessageId.of(id), first);
        messages().keywords().writeBackSent(AccountId.of(account), MessageId.of(id), first);
        assertThat(queued(account)).containsExactly(second);
        messages().keywords().writeBackSent(AccountId.of(account), MessageId.of(id), second);
        assertThat(queued(account)).isEmpty();
    }

    private List<SetFlags> queued(String account) {
        return messages().keywords().pendingWriteBacks(1000).stream().filter(p -> p.accountId().equals(AccountId.of(account)))
                .map(KeywordUpdates.PendingWriteBack::command).toList();
    }

    @Test
    default void listsLiveMessagesNewestFirstInStablePages() {
        String account = "a-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            messages().filing().insert(message(account, "m" + i + "-" + account, MessageLocator.imap("INBOX", 1, i), i));
        }
        messages().destruction().markDestroyed(AccountId.of(account), MessageId.of("m4-" + account), ModSeq.of(4),
                ModSeq.of(6), Instant.now());

        List<StoredMessage> first = messages().lookup().list(AccountId.of(account), null, null, 2);
        List<StoredMessage> second = messages().lookup().list(AccountId.of(account), "INBOX", ListingKey.of(first.getLast()), 2);

        assertThat(first).extracting(StoredMessage::createdModseq).containsExactly(5L, 3L);
        assertThat(second).extracting(StoredMessage::createdModseq).containsExactly(2L, 1L);
        assertThat(messages().lookup().list(AccountId.of(account), "Archive", null, 10)).isEmpty();
    }

    /**
     * Issue 18: a large mailbox is imported newest first, so creation order is not the mailbox's order; a listing is
     * by received time, newest first, ties and messages without one (last) by creation, newest first.
     */
    @Test
    default void listsByReceivedTimeNewestFirstWhateverTheOrderOfCreation() {
        String account = "a-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        Instant[] received = {t.plusSeconds(5), t.plusSeconds(1), t.plusSeconds(3), t.plusSeconds(3), null,
                t.plusSeconds(2), t.plusSeconds(9)};
        for (int i = 1; i <= received.length; i++) {
            StoredMessage m = message(account, "m" + i + "-" + account, MessageLocator.imap("INBOX", 1, i), i);
            messages().filing().insert(new StoredMessage(m.id(), m.accountId(), m.locator(), m.envelope(),
                    received[i - 1], m.size(), m.keywords(), null, i, i, null, m.lastServerEventAt(), false, false));
        }
        messages().destruction().markDestroyed(AccountId.of(account), MessageId.of("m7-" + account), ModSeq.of(7),
                ModSeq.of(8), Instant.now());

        List<Long> order = new ArrayList<>();
        ListingKey after = null;
        for (int page = 0; page < 5; page++) {
            List<StoredMessage> read = messages().lookup().list(AccountId.of(account), "INBOX", after, 2);
            if (read.isEmpty()) {
                break;
            }
            read.forEach(m -> order.add(m.createdModseq()));
            after = ListingKey.of(read.getLast());
        }
        assertThat(order).as("created 1..7, received +5 +1 +3 +3 none +2 (+9 destroyed), two a page")
                .containsExactly(1L, 4L, 3L, 6L, 2L, 5L);
    }

    @Test
    default void relocationKeepsIdAndKeywords() {
        String account = "a-" + UUID.randomUUID();
        String id = "m-" + account;
        MessageLocator before = MessageLocator.imap("INBOX", 7, 3);
        MessageLocator after = MessageLocator.imap("INBOX", 8, 1);
        messages().filing().insert(message(account, id, before, 1));

        AccountId owner = AccountId.of(account);
        assertThat(messages().resets().findRematchCandidates(owner, "INBOX", new UidValidity(8), "<" + id + "@test>",
                100)).hasSize(1);
        assertThat(messages().resets().relocate(owner, MessageId.of(id), before, after, null, Instant.now())).isTrue();
        assertThat(messages().resets().relocate(owner, MessageId.of(id), before, after, null, Instant.now())).isFalse();

        StoredMessage moved = messages().lookup().findByLocator(AccountId.of(account), after).orElseThrow();
        assertThat(moved.id()).isEqualTo(MessageId.of(id));
        assertThat(moved.keywords()).containsExactly(Keyword.SEEN);
        assertThat(messages().lookup().findByLocator(AccountId.of(account), before)).isEmpty();
    }

    private static MessageBatches.ServerEventWrite write(String id, Set<Keyword> keywords, long expectedModseq,
                                                          long modseq, Long serverModSeq, Instant at) {
        return new MessageBatches.ServerEventWrite(MessageId.of(id), keywords, ModSeq.of(expectedModseq),
                ModSeq.of(modseq), serverModSeq, at);
    }
}
