package io.mailsync.fetcher.adapter.out.mime;

import io.mailsync.testkit.LinearTime;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Arriving mail's header fields are read in linear time (issue 16): anyone can send a customer a message, and the
 * fetcher reads it on the mailbox's session thread. Each case is a whole envelope read as the POP3 path and the IMAP
 * fallback read it, and the IMAP path's subject ({@link HeaderText#subject}, given the server's ENVELOPE subject).
 * Angus' getters took 1.3 s for a 400 KB subject folded every 5 bytes, four times as long for twice the size. The
 * address cases stay below {@link HeaderText#MAX_ADDRESS_FIELD}, so they time the parse itself; subjects and dates
 * are cut far earlier, and those cases show the cut holds.
 */
class HeaderTextLinearTimeTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static MimeMessage message(String header) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(
                    (header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void envelope(MimeMessage m) {
        MimeEnvelope envelope = new MimeEnvelope(m, e -> { });
        envelope.from();
        envelope.to();
        envelope.cc();
        envelope.subject();
        envelope.sentAt();
        envelope.messageId();
    }

    @Test
    void aSubjectFoldedEveryFewBytes() {
        LinearTime.assertLinear("Subject: folded n times", n -> message("Subject: " + "ab\r\n ".repeat(n)), 40_000,
                HeaderTextLinearTimeTest::envelope);
    }

    @Test
    void theServersEnvelopeSubjectFoldedEveryFewBytes() {
        LinearTime.assertLinear("ENVELOPE subject folded n times", n -> "ab\r\n ".repeat(n), 40_000,
                HeaderText::subject);
    }

    @Test
    void addressListsOfCommasAndFolds() {
        LinearTime.assertLinear("To: of n folded commas", n -> message("To: " + ",\r\n ".repeat(n)), 7_000,
                HeaderTextLinearTimeTest::envelope);
    }

    @Test
    void addressListsOfManyRecipients() {
        LinearTime.assertLinear("Cc: with n addresses", n -> message("Cc: " + "Rcpt <r@example.com>,\r\n ".repeat(n)
                + "x@example.com"), 1_300, HeaderTextLinearTimeTest::envelope);
    }

    @Test
    void deeplyNestedCommentsInAnAddress() {
        LinearTime.assertLinear("From: with comments nested n deep", n -> message("From: a@example.com "
                + "(".repeat(n) + ")".repeat(n)), 15_000, HeaderTextLinearTimeTest::envelope);
    }

    @Test
    void datesWithComments() {
        LinearTime.assertLinear("Date: with n comments", n -> message("Date: Tue, 1 Dec 2026 12:30:00 +0100 "
                + "(zone)\r\n ".repeat(n)), 20_000, HeaderTextLinearTimeTest::envelope);
    }
}
