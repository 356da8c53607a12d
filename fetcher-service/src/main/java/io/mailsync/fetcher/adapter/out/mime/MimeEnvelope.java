package io.mailsync.fetcher.adapter.out.mime;

import io.mailsync.events.mail.Envelope;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A message's envelope read best effort, for the IMAP and POP3 adapters alike: a field that cannot be parsed (broken
 * address, 8-bit header, no Message-ID, no Date) is taken raw or left empty, and never stops the session.
 */
public final class MimeEnvelope {

    /** A read that may fail. */
    public interface Read<T> {
        T get() throws Exception;
    }

    private final Message message;
    private final Consumer<MessagingException> rethrow;

    /**
     * {@code rethrow} sees every {@link MessagingException} of a read and throws what must not pass for a malformed
     * message (IMAP: a lost connection, so the session reconnects and nothing is announced half-read).
     */
    public MimeEnvelope(Message message, Consumer<MessagingException> rethrow) {
        this.message = message;
        this.rethrow = rethrow;
    }

    /** The header fields, each read best effort. */
    public Envelope envelope() {
        return new Envelope(messageId(), from(), to(), cc(), subject(), sentAt());
    }

    public String messageId() {
        return message instanceof MimeMessage mime ? attempt(mime::getMessageID) : null;
    }

    public List<String> from() {
        return addresses("From", message::getFrom);
    }

    public List<String> to() {
        return addresses("To", () -> message.getRecipients(Message.RecipientType.TO));
    }

    public List<String> cc() {
        return addresses("Cc", () -> message.getRecipients(Message.RecipientType.CC));
    }

    /**
     * The raw header only where parsing failed. A null answer means the header is absent: asking an IMAP message
     * for it again costs one {@code UID FETCH ... BODY.PEEK[HEADER.FIELDS (Cc)]} per message that has no Cc
     * (benchmarks/RESULTS.md P2, 20-40 % of an import).
     */
    public String subject() {
        return attempt(message::getSubject, () -> {
            String[] raw = attempt(() -> message.getHeader("Subject"));
            return raw == null || raw.length == 0 ? null : unfold(raw[0]);
        });
    }

    public Instant sentAt() {
        return instant(attempt(message::getSentDate));
    }

    public Instant receivedAt() {
        return instant(attempt(message::getReceivedDate));
    }

    /** As {@link #subject()}: an unparseable list keeps its raw header text rather than nothing; absent is empty. */
    private List<String> addresses(String header, Read<Address[]> read) {
        return attempt(() -> {
            Address[] parsed = read.get();
            return displayed(parsed);
        }, () -> {
            String[] raw = attempt(() -> message.getHeader(header));
            return raw == null ? List.of() : Arrays.stream(raw).map(MimeEnvelope::unfold).toList();
        });
    }

    /**
     * Addresses as announced (Unicode display form), empty for none: also for an IMAP adapter that parsed the
     * ENVELOPE itself (issue 18).
     */
    public static List<String> displayed(Address[] parsed) {
        return parsed == null ? List.of() : Arrays.stream(parsed).map(MimeEnvelope::display).toList();
    }

    private static String display(Address a) {
        return a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** RFC 5322 §2.2.3 unfolding, then RFC 2047 encoded words decoded; the text as it is where they cannot be. */
    static String unfold(String raw) {
        String text = raw.replaceAll("\\r?\\n[ \\t]", " ").trim();
        try {
            return MimeUtility.decodeText(text);
        } catch (Exception e) {
            return text;
        }
    }

    /** The value read, or null where the read failed (after {@code rethrow} had its say). */
    public <T> T attempt(Read<T> read) {
        return attempt(read, () -> null);
    }

    private <T> T attempt(Read<T> read, Supplier<T> failed) {
        try {
            return read.get();
        } catch (MessagingException e) {
            rethrow.accept(e);
            return failed.get();
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return failed.get();
        }
    }
}
