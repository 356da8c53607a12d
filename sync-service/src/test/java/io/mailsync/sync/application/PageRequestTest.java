package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing and searching page alike: what a client may ask, and how a page ends and names the next. */
class PageRequestTest {

    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofDays(1), 1000, 50, 500);

    @Test
    void whatACallerMayAskIsCheckedWithAMessageSayingWhatIsAllowed() {
        assertThat(PageRequest.of(null, null, null, SETTINGS)).isEqualTo(new PageRequest(null, 50, null));
        assertThatThrownBy(() -> PageRequest.of(null, 0, null, SETTINGS)).hasMessage("limit is 1 to 500");
        assertThatThrownBy(() -> PageRequest.of(null, 501, null, SETTINGS)).hasMessage("limit is 1 to 500");
        assertThatThrownBy(() -> PageRequest.of(" ", null, null, SETTINGS))
                .hasMessage("folder is 1 to 255 characters");
        assertThatThrownBy(() -> PageRequest.of("x".repeat(256), null, null, SETTINGS))
                .hasMessage("folder is 1 to 255 characters");
        for (String cursor : List.of("7", "c", "c7", "r", "r1", "r.", "r1.x", "r.1234567890123456789", "rx.1")) {
            assertThatThrownBy(() -> PageRequest.of(null, null, cursor, SETTINGS))
                    .hasMessage("cursor is the nextCursor of a previous page");
        }
    }

    @Test
    void aFullPageNamesTheNextOneAndTheNextPageStartsAfterItsLastMessage() {
        Instant t = Instant.parse("2026-11-30T10:00:00.250Z");
        // received newest first; 6 and 5 in the same millisecond, 2 with no received time (last)
        List<StoredMessage> all = List.of(message(6, t), message(9, t.minusSeconds(1)), message(5, t),
                message(2, null), message(7, t.plusSeconds(60)));
        List<StoredMessage> newestFirst = all.stream().sorted(ListingKey.NEWEST_FIRST).toList();

        PageRequest.Page first = PageRequest.of("INBOX", 2, null, SETTINGS).cut(newestFirst);
        assertThat(first.messages()).extracting(StoredMessage::createdModseq).containsExactly(7L, 6L);
        assertThat(first.nextCursor()).isEqualTo("r" + t.toEpochMilli() + ".6");

        PageRequest second = PageRequest.of("INBOX", 2, first.nextCursor(), SETTINGS);
        PageRequest.Page middle = second.cut(newestFirst.stream().filter(second::follows).toList());
        assertThat(middle.messages()).extracting(StoredMessage::createdModseq).containsExactly(5L, 9L);

        PageRequest third = PageRequest.of("INBOX", 2, middle.nextCursor(), SETTINGS);
        PageRequest.Page last = third.cut(newestFirst.stream().filter(third::follows).toList());
        assertThat(last.messages()).extracting(StoredMessage::createdModseq).containsExactly(2L);
        assertThat(last.nextCursor()).as("nothing follows the last page").isNull();
        assertThat(PageRequest.of(null, 1, "r.2", SETTINGS).follows(message(1, null)))
                .as("after a message with no received time come only older such ones").isTrue();
        assertThat(PageRequest.of(null, 1, "r.2", SETTINGS).follows(message(3, t))).isFalse();
    }

    private static StoredMessage message(long createdModseq, Instant received) {
        return new StoredMessage(MessageId.of("m" + createdModseq), AccountId.of("acc-1"),
                MessageLocator.imap("INBOX", 1, createdModseq), null, received, 1, null, null, createdModseq,
                createdModseq, null, null, false, false);
    }
}
