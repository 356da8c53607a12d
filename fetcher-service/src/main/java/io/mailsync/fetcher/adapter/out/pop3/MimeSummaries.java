package io.mailsync.fetcher.adapter.out.pop3;

import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A parsed message's envelope, best effort: an unparseable address keeps its raw text, a missing Message-ID or
 * Date stays empty, and nothing here throws. POP3 has no flags and no UIDs, so those are left to the caller.
 */
final class MimeSummaries {

    private MimeSummaries() {
    }

    static MessageSummary read(MimeMessage m, long size) {
        return new MessageSummary(0, null, attempt(m::getMessageID), addresses(m, "From"), addresses(m, "To"),
                addresses(m, "Cc"), subject(m), instant(attempt(m::getSentDate)), null, size, null);
    }

    private static String subject(MimeMessage m) {
        String subject = attempt(m::getSubject);
        if (subject != null) {
            return subject;
        }
        String[] raw = attempt(() -> m.getHeader("Subject"));
        return raw == null || raw.length == 0 ? null : decode(raw[0]);
    }

    private static List<String> addresses(MimeMessage m, String header) {
        Address[] parsed = attempt(() -> switch (header) {
            case "From" -> m.getFrom();
            case "To" -> m.getRecipients(Message.RecipientType.TO);
            default -> m.getRecipients(Message.RecipientType.CC);
        });
        if (parsed != null) {
            return Arrays.stream(parsed)
                    .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString()).toList();
        }
        String[] raw = attempt(() -> m.getHeader(header));
        return raw == null ? List.of() : Arrays.stream(raw).map(MimeSummaries::decode).toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String decode(String raw) {
        String text = raw.replaceAll("\\r?\\n[ \\t]", " ").trim();
        try {
            return MimeUtility.decodeText(text);
        } catch (Exception e) {
            return text;
        }
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T attempt(Read<T> read) {
        try {
            return read.get();
        } catch (Exception e) {
            return null;
        }
    }
}
