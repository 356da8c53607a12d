package io.mailsync.sync.adapter.out.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.sync.domain.SentMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a device's message becomes when filed, and what is refused (issue 16: Angus Mail's parsers, bounded). */
class AngusMessageParserTest {

    private final AngusMessageParser parser = new AngusMessageParser();

    private SentMessage parse(String message) {
        return parser.parse(message.getBytes(StandardCharsets.UTF_8), "mailsync.invalid");
    }

    @Test
    void theEnvelopeIsReadFromTheHeader() {
        SentMessage sent = parse("""
                From: Alice <alice@example.com>
                To: "Bob, the builder" <bob@example.com>, carol@example.com (Carol
                 C.)
                Cc: =?UTF-8?Q?J=C3=BCrgen?= <j@example.de>
                Subject: =?UTF-8?B?bHVuY2g/?= today
                Date: Tue, 1 Dec 2026 12:30:00 +0100 (CET)
                Message-ID: <m1@example.com>

                Body.
                """);
        assertThat(sent.envelope().from()).containsExactly("Alice <alice@example.com>");
        // Angus reads a trailing comment as the personal name (RFC 822 style)
        assertThat(sent.envelope().to()).containsExactly("\"Bob, the builder\" <bob@example.com>", "\"Carol C.\" <carol@example.com>");
        assertThat(sent.envelope().cc()).containsExactly("\"Jürgen\" <j@example.de>");
        assertThat(sent.envelope().subject()).isEqualTo("lunch? today");
        assertThat(sent.envelope().sentAt()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
        assertThat(sent.messageIdHeader()).isEqualTo("<m1@example.com>");
        assertThat(new String(sent.rfc822(), StandardCharsets.UTF_8)).contains("\r\nBody.\r\n").doesNotContain("y.\n\n");
    }

    @Test
    void aMessageWithoutMessageIdGetsOneAndOddFieldsDoNotStopFiling() {
        SentMessage sent = parse("To: a@b.c <<\nDate: yesterday-ish\nSubject: x\n\nhi\n");
        assertThat(sent.messageIdHeader()).startsWith("<").endsWith("@mailsync.invalid>");
        assertThat(new String(sent.rfc822(), StandardCharsets.US_ASCII)).startsWith("Message-ID: " + sent.messageIdHeader());
        assertThat(sent.envelope().to()).as("Angus's lenient reading, whatever it makes of it").hasSizeLessThanOrEqualTo(1);
        assertThat(sent.envelope().sentAt()).isNull();
        assertThat(sent.size()).isEqualTo(sent.rfc822().length);
    }

    @Test
    void aLongRecipientListIsShownInPartAndFiledWhole() {
        StringBuilder to = new StringBuilder("To: r0@example.com");
        for (int i = 1; i < 3000; i++) {
            to.append(",\r\n r").append(i).append("@example.com");
        }
        SentMessage sent = parse(to + "\r\nSubject: many\r\n\r\nx\r\n");
        assertThat(sent.envelope().to()).hasSize(AngusMessageParser.MAX_ADDRESSES_SHOWN);
        assertThat(new String(sent.rfc822(), StandardCharsets.US_ASCII)).contains("r2999@example.com");
    }

    @Test
    void headersBeyondTheLimitsAreRefusedWithAReason() {
        assertThatThrownBy(() -> parse("Subject: " + "x".repeat(1024 * 1024) + "\r\n\r\nbody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> parse("X-A: b\r\n".repeat(1001) + "\r\nbody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1000 fields");
        assertThatThrownBy(() -> parse("To: a@b.c" + ",\r\n a@b.c".repeat(40_000) + "\r\n\r\nbody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KiB");
        // under the header's limit, but one field of comments nested 100k deep: nothing to file or list
        assertThatThrownBy(() -> parse("From: a@b.c " + ("(".repeat(35) + ")".repeat(35) + "\r\n ").repeat(2_900)
                + "\r\nSubject: deep\r\n\r\nbody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field of the message is longer");
        assertThatThrownBy(() -> parser.parse(new byte[0], "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void aVeryLongSubjectIsShownInPart() {
        SentMessage sent = parse("Subject: " + "=?UTF-8?Q?J=C3=BCrgen?= ".repeat(2000).replaceAll("(.{70})", "$1\r\n ")
                + "\r\n\r\nbody");
        assertThat(sent.envelope().subject()).startsWith("JürgenJürgen").hasSizeLessThan(AngusMessageParser.MAX_SUBJECT);
    }

    @Test
    void aLongBodyLineIsNoHeaderLine() {
        SentMessage sent = parse("Subject: s\r\n\r\n" + "b".repeat(100_000) + "\r\n");
        assertThat(sent.envelope().subject()).isEqualTo("s");
    }
}
