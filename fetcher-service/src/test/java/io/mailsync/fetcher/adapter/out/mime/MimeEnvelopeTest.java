package io.mailsync.fetcher.adapter.out.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeEnvelopeTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static MimeMessage parse(String rfc822) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheEnvelopeAUserSeesInTheList() throws Exception {
        MimeEnvelope envelope = new MimeEnvelope(parse("""
                Message-ID: <a@example.org>\r
                From: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.org>\r
                To: ann@example.org, bob@example.org\r
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r
                 aus Bern\r
                Date: Tue, 01 Dec 2026 10:00:00 +0000\r
                \r
                body\r
                """), e -> { });

        assertThat(envelope.messageId()).isEqualTo("<a@example.org>");
        assertThat(envelope.from()).containsExactly("\"Jörg\" <joerg@example.org>");
        assertThat(envelope.to()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(envelope.cc()).as("no Cc header: empty, not the raw header asked for again").isEmpty();
        assertThat(envelope.subject()).isEqualTo("Grüße aus Bern");
        assertThat(envelope.sentAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void anUnparseableAddressListKeepsItsRawTextUnfoldedAndAMissingDateStaysEmpty() throws Exception {
        MimeEnvelope envelope = new MimeEnvelope(parse("""
                From: ann@example.org\r
                Cc: "unclosed <bob@example.org>,\r
                 carol@example.org\r
                Date: not a date\r
                \r
                body\r
                """), e -> { });

        assertThat(envelope.cc()).containsExactly("\"unclosed <bob@example.org>, carol@example.org");
        assertThat(envelope.sentAt()).isNull();
        assertThat(envelope.messageId()).isNull();
        assertThat(envelope.subject()).isNull();
    }

    @Test
    void aFailureTheCallerRethrowsStopsTheReadingInsteadOfLeavingAFieldEmpty() throws Exception {
        List<MessagingException> seen = new ArrayList<>();
        MimeMessage broken = new MimeMessage(SESSION) {
            @Override
            public String[] getHeader(String name) throws MessagingException {
                throw new MessagingException("connection lost");
            }
        };
        MimeEnvelope lenient = new MimeEnvelope(broken, seen::add);
        assertThat(lenient.to()).isEmpty();
        assertThat(seen).extracting(Throwable::getMessage).containsExactly("connection lost");

        MimeEnvelope strict = new MimeEnvelope(broken, e -> {
            throw new IllegalStateException(e.getMessage(), e);
        });
        assertThatThrownBy(strict::to).isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
    }

    @Test
    void aHugeFieldIsReadInPartAndTheRestOfTheMessageStillCounts() throws Exception {
        String recipients = "r@example.org,\r\n ".repeat(20_000);
        MimeEnvelope envelope = new MimeEnvelope(parse("From: ann@example.org\r\nTo: " + recipients
                + "last@example.org\r\nSubject: " + "word ".repeat(5_000) + "\r\n\r\nbody\r\n"), e -> { });

        assertThat(envelope.to()).hasSize(HeaderText.MAX_ADDRESSES).allMatch("r@example.org"::equals);
        assertThat(envelope.subject()).hasSizeLessThanOrEqualTo(HeaderText.MAX_SUBJECT).startsWith("word word");
        assertThat(envelope.from()).containsExactly("ann@example.org");
    }

    @Test
    void aRepeatedSingleFieldIsReadFromItsFirstOccurrenceAndRepeatedAddressFieldsTogether() throws Exception {
        MimeEnvelope envelope = new MimeEnvelope(parse("""
                Message-ID: <first@example.org>\r
                Message-ID: <second@example.org>\r
                Subject: one\r
                Subject: two\r
                To: ann@example.org\r
                To: bob@example.org\r
                \r
                body\r
                """), e -> { });

        assertThat(envelope.messageId()).isEqualTo("<first@example.org>");
        assertThat(envelope.subject()).isEqualTo("one");
        assertThat(envelope.to()).containsExactly("ann@example.org", "bob@example.org");
    }
}
