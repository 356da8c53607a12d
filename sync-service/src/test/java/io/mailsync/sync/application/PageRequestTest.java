package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
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
        for (String cursor : List.of("7", "c", "c-1", "c1234567890123456789", "cx")) {
            assertThatThrownBy(() -> PageRequest.of(null, null, cursor, SETTINGS))
                    .hasMessage("cursor is the nextCursor of a previous page");
        }
    }

    @Test
    void aFullPageNamesTheNextOneAndTheNextPageStartsAfterItsLastMessage() {
        List<StoredMessage> newestFirst = LongStream.of(9, 8, 7, 6).mapToObj(PageRequestTest::created).toList();

        PageRequest.Page first = PageRequest.of("INBOX", 3, null, SETTINGS).cut(newestFirst);
        assertThat(first.messages()).extracting(StoredMessage::createdModseq).containsExactly(9L, 8L, 7L);
        assertThat(first.nextCursor()).isEqualTo("c7");

        PageRequest second = PageRequest.of("INBOX", 3, first.nextCursor(), SETTINGS);
        List<StoredMessage> rest = newestFirst.stream().filter(m -> second.after(m.createdModseq())).toList();
        PageRequest.Page last = second.cut(rest);
        assertThat(last.messages()).extracting(StoredMessage::createdModseq).containsExactly(6L);
        assertThat(last.nextCursor()).as("nothing follows the last page").isNull();
    }

    private static StoredMessage created(long modseq) {
        return new StoredMessage(MessageId.of("m" + modseq), AccountId.of("acc-1"),
                MessageLocator.imap("INBOX", 1, modseq), null, null, 1, null, null, modseq, modseq, null, null, false,
                false);
    }
}
