package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Reads a message's envelope best effort: a field that cannot be parsed (broken address, 8-bit header, no
 * Message-ID, no Date) is left empty or taken raw, and never stops the session.
 */
final class ImapMessageReader {

    private ImapMessageReader() {
    }

    static MessageSummary read(Message m, long uid) {
        return new MessageSummary(uid, null, messageId(m), addresses(m, "From"), addresses(m, "To"),
                addresses(m, "Cc"), subject(m), instant(attempt(m::getSentDate)), instant(attempt(m::getReceivedDate)),
                size(m), keywords(m));
    }

    private static String messageId(Message m) {
        return m instanceof MimeMessage mime ? attempt(mime::getMessageID) : null;
    }

    private static String subject(Message m) {
        String subject = attempt(m::getSubject);
        if (subject != null) {
            return subject;
        }
        String[] raw = attempt(() -> m.getHeader("Subject"));
        return raw == null || raw.length == 0 ? null : unfold(raw[0]);
    }

    private static List<String> addresses(Message m, String header) {
        Address[] parsed = attempt(() -> switch (header) {
            case "From" -> m.getFrom();
            case "To" -> m.getRecipients(Message.RecipientType.TO);
            default -> m.getRecipients(Message.RecipientType.CC);
        });
        if (parsed != null) {
            return Arrays.stream(parsed).map(ImapMessageReader::display).toList();
        }
        // unparseable: keep the raw header text rather than nothing
        String[] raw = attempt(() -> m.getHeader(header));
        return raw == null ? List.of() : Arrays.stream(raw).map(ImapMessageReader::unfold).toList();
    }

    private static String display(Address a) {
        return a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString();
    }

    private static long size(Message m) {
        Integer size = attempt(m::getSize);
        if (m instanceof IMAPMessage imap && (size == null || size < 0)) {
            Long big = attempt(imap::getSizeLong);
            return big == null ? 0 : Math.max(0, big);
        }
        return size == null ? 0 : Math.max(0, size);
    }

    private static java.util.Set<String> keywords(Message m) {
        Flags flags = attempt(m::getFlags);
        return flags == null ? java.util.Set.of() : ImapFlagCommands.keywords(flags);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String unfold(String raw) {
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
        } catch (jakarta.mail.MessagingException e) {
            // a lost connection is not a malformed message: the session reconnects, nothing is announced half-read
            if (ImapFailures.translate("read message", e) instanceof MailServerException.Unreachable lost) {
                throw lost;
            }
            return null;
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return null;
        }
    }
}
