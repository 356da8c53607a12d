package io.mailsync.fetcher.adapter.out.mime;

import io.mailsync.events.mail.Envelope;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * A message's envelope read best effort, for the IMAP and POP3 adapters alike: a field that cannot be parsed (broken
 * address, 8-bit header, no Message-ID, no Date) is taken raw or left empty, and never stops the session. Fields are
 * read from the message's own header block by {@link HeaderText}, in linear time (issue 16), not by the message's
 * getters; for an IMAP message that is one {@code BODY.PEEK[HEADER]}, and only for the rare message whose server
 * envelope Angus could not parse (the usual path is {@code ImapSummaries}).
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
        String id = first("Message-ID");
        return id == null ? null : HeaderText.unfold(id).trim();
    }

    public List<String> from() {
        return HeaderText.addresses(header("From"));
    }

    public List<String> to() {
        return HeaderText.addresses(header("To"));
    }

    public List<String> cc() {
        return HeaderText.addresses(header("Cc"));
    }

    public String subject() {
        return HeaderText.subject(first("Subject"));
    }

    public Instant sentAt() {
        return HeaderText.date(first("Date"));
    }

    public Instant receivedAt() {
        Date received = attempt(message::getReceivedDate);
        return received == null ? null : received.toInstant();
    }

    /** An address field's raw value (all its occurrences, comma-joined), null where absent or unreadable. */
    private String header(String name) {
        String[] values = attempt(() -> message.getHeader(name));
        return values == null || values.length == 0 ? null : String.join(",", values);
    }

    /** A single-valued field's first occurrence (RFC 5322 §3.6 allows one), null where absent or unreadable. */
    private String first(String name) {
        String[] values = attempt(() -> message.getHeader(name));
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * Addresses as announced (Unicode display form), empty for none: for an IMAP adapter that parsed the ENVELOPE
     * itself (issue 18).
     */
    public static List<String> displayed(Address[] parsed) {
        return parsed == null ? List.of() : Arrays.stream(parsed).map(MimeEnvelope::display).toList();
    }

    private static String display(Address a) {
        return a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString();
    }

    /** The value read, or null where the read failed (after {@code rethrow} had its say). */
    public <T> T attempt(Read<T> read) {
        try {
            return read.get();
        } catch (MessagingException e) {
            rethrow.accept(e);
            return null;
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return null;
        }
    }
}
