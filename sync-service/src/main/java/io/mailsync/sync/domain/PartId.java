package io.mailsync.sync.domain;

import java.util.regex.Pattern;

/**
 * A MIME part of a message, named as IMAP names it (RFC 3501 §6.4.5 section numbers: {@code 1}, {@code 1.2}, ...):
 * the n-th child of a multipart is n, a child of child n is {@code n.m}; a message that is not multipart has one
 * part, {@code 1}.
 */
public record PartId(String value) {

    private static final Pattern SECTION = Pattern.compile("[1-9][0-9]{0,3}(\\.[1-9][0-9]{0,3}){0,15}");

    public PartId {
        if (value == null || !SECTION.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a part id: numbers from 1 joined by dots, as"
                    + " IMAP names parts (e.g. 2 or 1.2)");
        }
    }

    public static PartId of(String value) {
        return new PartId(value);
    }

    /** The {@code n}-th child of this part. */
    public PartId child(int n) {
        return new PartId(value + "." + n);
    }

    @Override
    public String toString() {
        return value;
    }
}
