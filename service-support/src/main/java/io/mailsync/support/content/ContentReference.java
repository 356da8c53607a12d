package io.mailsync.support.content;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The claim check events carry (ADR 0002): {@code gridfs:<ObjectId hex>}, 24 hex digits. Written by the fetcher and
 * by sync-service, read by sync-service; one definition, so the two can never disagree on it.
 */
public final class ContentReference {

    static final String SCHEME = "gridfs:";
    private static final int OBJECT_ID_HEX = 24;

    private ContentReference() {
    }

    /** The reference of the GridFS file {@code objectIdHex}. */
    public static String of(String objectIdHex) {
        if (!isObjectIdHex(objectIdHex)) {
            throw new IllegalArgumentException("a GridFS file id is 24 hex digits, was " + objectIdHex);
        }
        return SCHEME + objectIdHex;
    }

    /** The GridFS file id a reference names; empty for null, another scheme or a malformed id. */
    public static Optional<String> objectIdHex(String reference) {
        if (reference == null || !reference.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String id = reference.substring(SCHEME.length());
        return isObjectIdHex(id) ? Optional.of(id) : Optional.empty();
    }

    private static boolean isObjectIdHex(String id) {
        return id != null && id.length() == OBJECT_ID_HEX && id.chars().allMatch(HexFormat::isHexDigit);
    }
}
