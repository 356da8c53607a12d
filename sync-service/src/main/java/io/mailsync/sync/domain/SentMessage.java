package io.mailsync.sync.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A message a device sent, as it will be filed: CRLF line ends (what an IMAP server stores and counts in
 * RFC822.SIZE, so the APPENDed copy re-matches by size), a Message-ID (added if the device left it out), and the
 * envelope read from the RFC 5322 header. Best effort, like the fetcher's: an odd header still files the message.
 */
public record SentMessage(byte[] rfc822, String messageIdHeader, List<String> from, List<String> to,
                          List<String> cc, String subject, Instant sentAt) {

    public static SentMessage parse(byte[] raw, String idDomain) {
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("the body is the message as message/rfc822; it was empty");
        }
        byte[] crlf = withCrlf(raw);
        String text = new String(crlf, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String header = end < 0 ? text : text.substring(0, end + 2);
        List<String[]> fields = fields(header);
        String messageId = first(fields, "message-id");
        if (messageId == null || messageId.isBlank()) {
            messageId = "<" + UUID.randomUUID() + "@" + idDomain + ">";
            byte[] line = ("Message-ID: " + messageId + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] withId = Arrays.copyOf(line, line.length + crlf.length);
            System.arraycopy(crlf, 0, withId, line.length, crlf.length);
            crlf = withId;
        }
        return new SentMessage(crlf, messageId.trim(), addresses(first(fields, "from")),
                addresses(first(fields, "to")), addresses(first(fields, "cc")), first(fields, "subject"),
                date(first(fields, "date")));
    }

    public long size() {
        return rfc822.length;
    }

    private static byte[] withCrlf(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(raw[i]);
        }
        return out.toByteArray();
    }

    /** RFC 5322 §2.2.3: a line starting with white space continues the field before it. */
    private static List<String[]> fields(String header) {
        List<String[]> fields = new ArrayList<>();
        for (String line : header.split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                String[] last = fields.getLast();
                last[1] = last[1] + " " + line.trim();
            } else if (line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                fields.add(new String[] {line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()});
            }
        }
        return fields;
    }

    private static String first(List<String[]> fields, String name) {
        return fields.stream().filter(f -> f[0].equals(name)).map(f -> f[1]).findFirst().orElse(null);
    }

    private static List<String> addresses(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").trim(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
