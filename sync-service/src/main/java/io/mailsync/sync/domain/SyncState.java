package io.mailsync.sync.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account's sync state as clients see it: the reset epoch and the last modseq (RFC 8620 §5.2 "state").
 * A state from an older epoch can never be caught up from; the client resyncs.
 */
public record SyncState(long epoch, long modseq) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    public SyncState {
        if (epoch < 1 || modseq < 0) {
            throw new IllegalArgumentException("a state has an epoch >= 1 and a modseq >= 0");
        }
    }

    /** Reads a state a client sent back; throws {@link IllegalArgumentException} for anything this service did not issue. */
    public static SyncState parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a state this service issued");
        }
        return new SyncState(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    public String text() {
        return epoch + "-" + modseq;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
