package io.mailsync.testkit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** RFC 822 message texts for tests: well-formed ones here; malformed ones where a test needs them. */
public final class MailText {

    private MailText() {
    }

    public static String simple(String from, String to, String subject, String body) {
        return withMessageId("<" + UUID.randomUUID() + "@mailsync.test>", from, to, subject, body);
    }

    public static String withMessageId(String messageId, String from, String to, String subject, String body) {
        return "Message-ID: " + messageId + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + body + "\r\n";
    }
}
