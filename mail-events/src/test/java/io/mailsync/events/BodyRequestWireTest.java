package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 20's request/reply pair: what each refuses, and that an answer round-trips with its correlation. */
class BodyRequestWireTest {

    private static final Instant AT = Instant.parse("2026-12-03T07:00:00Z");
    private final EventCodec codec = new EventCodec();

    private static FetchMessageBody request() {
        return new FetchMessageBody(UUID.randomUUID(), AT, AccountId.of("acc-1"), Origin.device("d"),
                MessageLocator.imap("INBOX", 7, 9), AT.plusSeconds(60));
    }

    @Test
    void aPop3MessageIsNeverFetchedOnDemand() {
        assertThatThrownBy(() -> new FetchMessageBody(UUID.randomUUID(), AT, AccountId.of("acc-1"), Origin.device("d"),
                MessageLocator.pop3("u1"), AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POP3");
    }

    @Test
    void aRequestExpiresAfterItsAnswerByInstant() {
        FetchMessageBody request = request();
        assertThat(request.expiredAt(AT.plusSeconds(60))).isFalse();
        assertThat(request.expiredAt(AT.plusSeconds(61))).isTrue();
    }

    @Test
    void aStoredAnswerNamesWhereTheBytesAre() {
        FetchMessageBody request = request();
        assertThatThrownBy(() -> new MessageBodyFetched(request.commandId(), AT, AccountId.of("acc-1"),
                request.locator(),
                MessageBodyFetched.Outcome.STORED, null, null, 1L, null))
                .isInstanceOf(IllegalArgumentException.class);
        MessageBodyFetched gone = MessageBodyFetched.notStored(request, AT, MessageBodyFetched.Outcome.GONE, 4L,
                "no UID 9");

        assertThat(codec.decode(codec.encode(gone), MessageBodyFetched.class)).contains(gone);
        assertThat(gone.commandId()).isEqualTo(request.commandId());
        assertThat(codec.encode(gone)).doesNotContain("contentRef");
    }

    @Test
    void theRequestIsACommandTheOwnerReadsFromTheCommandsTopic() {
        FetchMessageBody request = request();
        assertThat(codec.decode(codec.encode(request), MailCommand.class)).contains(request);
    }

    @Test
    void aSearchNamesItsFoldersAndADateRangeThatIsOne() {
        SearchCriteria any = new SearchCriteria(" ", null, null, null, null, null, null, null, null);
        assertThat(any.from()).isNull();
        assertThatThrownBy(() -> new SearchCriteria(null, null, null, null, java.time.LocalDate.of(2026, 12, 2),
                java.time.LocalDate.of(2026, 12, 1), null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("since");
        assertThatThrownBy(() -> new SearchMailbox(UUID.randomUUID(), AT, AccountId.of("acc-1"), Origin.device("d"),
                java.util.List.of(), any, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAnswerIsACommandReplyCorrelatedByItsCommandId() {
        MailboxSearched found = new MailboxSearched(UUID.randomUUID(), AT, AccountId.of("acc-1"),
                MailboxSearched.Outcome.FOUND,
                java.util.List.of(new MailboxSearched.FolderHits("INBOX", 7, java.util.List.of(1L, 5L))), 2L, null);
        assertThat(codec.decode(codec.encode(found), CommandReply.class)).contains(found);
    }
}
