package io.mailsync.sync.adapter.out.mime;

import io.mailsync.events.mail.Envelope;
import io.mailsync.sync.application.port.out.MessageParser;
import io.mailsync.sync.domain.SentMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads a device's message with Angus Mail's own parsers — {@link InternetHeaders} for the header block,
 * {@link InternetAddress#parseHeader} for address lists, {@link MailDateFormat} for the date, {@link MimeUtility}
 * for encoded words — after {@link HeaderLimits} has bounded what they get (issue 16: the hand-written regular
 * expressions this replaces took ~9 s of CPU for a {@code To:} of 80k commas). Each step is one pass over the bytes.
 * Best effort inside the limits, like the fetcher's reading of arrived mail: an address list or date Angus cannot
 * read leaves that envelope field empty and still files the message.
 */
@Component
class AngusMessageParser implements MessageParser {

    /** Enough for a list view; the message keeps every recipient. */
    static final int MAX_ADDRESSES_SHOWN = 1000;
    /** Characters of a subject decoded and shown; the message keeps all of it. */
    static final int MAX_SUBJECT = 4096;

    @Override
    public SentMessage parse(byte[] raw, String idDomain) {
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("the body is the message as message/rfc822; it was empty");
        }
        byte[] crlf = withCrlf(raw);
        int headerEnd = HeaderLimits.check(crlf);
        InternetHeaders headers = headers(crlf, headerEnd);
        String messageId = headers.getHeader("Message-ID", null);
        if (messageId == null || messageId.isBlank()) {
            messageId = "<" + UUID.randomUUID() + "@" + idDomain + ">";
            byte[] line = ("Message-ID: " + messageId + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] withId = Arrays.copyOf(line, line.length + crlf.length);
            System.arraycopy(crlf, 0, withId, line.length, crlf.length);
            crlf = withId;
        }
        return new SentMessage(crlf, new Envelope(unfold(messageId).trim(), addresses(headers, "From"),
                addresses(headers, "To"), addresses(headers, "Cc"), subject(headers), date(headers)));
    }

    /** RFC 5322 §2.1: lines end in CRLF; a bare LF (what most clients save) becomes one. */
    static byte[] withCrlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw;
        }
        byte[] out = new byte[raw.length + bare];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out[n++] = '\r';
            }
            out[n++] = raw[i];
        }
        return out;
    }

    /**
     * RFC 5322 §2.2.3: unfolding removes each CRLF that precedes white space — every CRLF in a field value read by
     * {@link InternetHeaders}. Not {@code MimeUtility.unfold}: it copies the rest of the value at every fold, which
     * is quadratic in the number of folds (found by {@code HeaderParsersLinearTimeTest}), and
     * {@link InternetAddress#parseHeader} calls it — so values are unfolded here first, and Angus finds nothing left
     * to unfold.
     */
    static String unfold(String value) {
        return value.replace("\r\n", "");
    }

    private static InternetHeaders headers(byte[] message, int headerEnd) {
        try {
            // only the header block: InternetHeaders reads up to the blank line that ends it
            return new InternetHeaders(new ByteArrayInputStream(message, 0, headerEnd), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message header cannot be read as RFC 5322");
        }
    }

    private static List<String> addresses(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, ",");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(unfold(value), false))
                    .limit(MAX_ADDRESSES_SHOWN).map(InternetAddress::toUnicodeString).toList();
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static String subject(InternetHeaders headers) {
        String value = headers.getHeader("Subject", null);
        if (value == null) {
            return null;
        }
        String unfolded = unfold(value);
        if (unfolded.length() > MAX_SUBJECT) {
            // decoding costs ~40 µs per encoded word: a subject is a line in a list, not 256 KiB of encoded words
            int cut = unfolded.lastIndexOf(' ', MAX_SUBJECT);
            unfolded = unfolded.substring(0, cut > 0 ? cut : MAX_SUBJECT);
        }
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    private static Instant date(InternetHeaders headers) {
        String value = headers.getHeader("Date", null);
        if (value == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(unfold(value)).toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
