package io.mailsync.fetcher.adapter.out.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Header fields of arriving mail read in time linear in their length (issue 16). Anyone can send a customer mail, so
 * a field is never refused: what is read of it is bounded instead. Angus Mail's own {@code MimeUtility.unfold} — which
 * {@code MimeMessage.getSubject()}, {@code IMAPMessage.getSubject()} and {@code InternetAddress.parseHeader} call —
 * copies the rest of the value at every fold, quadratic in the folds (400 KB folded every 5 bytes: 1.3 s, twice that
 * size four times as long); so values are unfolded here, once, and Angus gets values with nothing left to unfold.
 */
public final class HeaderText {

    /** Characters of an address field read: a list view shows {@link #MAX_ADDRESSES}, the message keeps them all. */
    static final int MAX_ADDRESS_FIELD = 64 * 1024;
    static final int MAX_ADDRESSES = 1000;
    /** Characters of a subject decoded (~40 µs per encoded word): a subject is one line in a list. */
    static final int MAX_SUBJECT = 4096;
    static final int MAX_DATE = 256;

    /** RFC 5322 §2.2.3: a line break followed by white space. */
    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");

    private HeaderText() {
    }

    /** RFC 5322 §2.2.3 unfolding: the line breaks go, the white space after them stays. */
    public static String unfold(String raw) {
        return FOLD.matcher(raw).replaceAll("");
    }

    /** Unfolded, cut to {@link #MAX_SUBJECT} at a space, RFC 2047 words decoded; the text as it is where they are not. */
    public static String subject(String raw) {
        if (raw == null) {
            return null;
        }
        String text = unfold(cut(raw, MAX_SUBJECT * 2, ' ')).trim();
        if (text.length() > MAX_SUBJECT) {
            text = cut(text, MAX_SUBJECT, ' ');
        }
        try {
            return MimeUtility.decodeText(text);
        } catch (Exception e) {
            return text;
        }
    }

    /**
     * Addresses as shown in a list (Unicode display form), at most {@link #MAX_ADDRESSES}; a list Angus cannot read
     * keeps its raw text, unfolded, rather than nothing; absent is empty. Parsed as {@code MimeMessage} does by
     * default ({@code mail.mime.address.strict}), so what was read before reads the same.
     */
    public static List<String> addresses(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = unfold(cut(raw, MAX_ADDRESS_FIELD, ','));
        try {
            return Arrays.stream(InternetAddress.parseHeader(text, true)).limit(MAX_ADDRESSES)
                    .map(InternetAddress::toUnicodeString).toList();
        } catch (AddressException | RuntimeException e) {
            return List.of(text.trim());
        }
    }

    /** RFC 5322 §3.3 date, null where it is none. */
    public static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(unfold(cut(raw, MAX_DATE, ' ')).trim()).toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** At most {@code max} characters, cut after the last {@code separator} before it where there is one. */
    private static String cut(String value, int max, char separator) {
        if (value.length() <= max) {
            return value;
        }
        int at = value.lastIndexOf(separator, max);
        return value.substring(0, at > 0 ? at : max);
    }
}
