package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A message keyword in JMAP form (RFC 8621 §4.1.1), case-insensitive and so kept in lower case; the five IMAP system
 * flags map to {@code $seen}, {@code $flagged}, {@code $answered}, {@code $draft} and {@code $deleted}. The one home
 * of the JMAP/IMAP keyword mapping (issue 21).
 */
public record Keyword(@JsonValue String value) implements Comparable<Keyword> {

    // RFC 8621 §4.1.1: 1-255 of %x21-%x7e except ( ) { ] % * " \ (first: the constants below are checked by it)
    private static final Pattern KEYWORD = Pattern.compile("[\\x21-\\x7e&&[^(){\\]%*\"\\\\]]{1,255}");

    public static final Keyword SEEN = new Keyword("$seen");
    public static final Keyword FLAGGED = new Keyword("$flagged");
    public static final Keyword ANSWERED = new Keyword("$answered");
    public static final Keyword DRAFT = new Keyword("$draft");
    public static final Keyword DELETED = new Keyword("$deleted");

    private static final Map<String, Keyword> SYSTEM_TO_KEYWORD = Map.of("\\seen", SEEN, "\\flagged", FLAGGED,
            "\\answered", ANSWERED, "\\draft", DRAFT, "\\deleted", DELETED);

    private static final Map<Keyword, String> KEYWORD_TO_SYSTEM = Map.of(SEEN, "\\Seen", FLAGGED, "\\Flagged",
            ANSWERED, "\\Answered", DRAFT, "\\Draft", DELETED, "\\Deleted");

    /** Only canonical (lower-case) keywords; {@link #of} makes one from any spelling. */
    @JsonCreator
    public Keyword {
        if (value == null || !KEYWORD.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + (value == null ? "" : value)
                    + "' is not a keyword (1-255 printable ASCII characters, none of ( ) { ] % * \" \\ or space)");
        }
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + value + "' is not in canonical (lower-case) form");
        }
    }

    /** The keyword in canonical form; throws {@link IllegalArgumentException} with a reason a person can act on. */
    public static Keyword of(String keyword) {
        return new Keyword(keyword == null ? null : keyword.toLowerCase(Locale.ROOT));
    }

    /** Lenient form for what a mail server reports: an invalid keyword is empty instead of failing the event. */
    public static Optional<Keyword> lenient(String keyword) {
        try {
            return Optional.of(of(keyword));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The keywords among what a producer reported (an event's flags, a stored document), canonical; what is not one is
     * dropped, as from a server's report, so one bad value never fails the rest.
     */
    public static Set<Keyword> validAmong(Collection<String> keywords) {
        Set<Keyword> out = new TreeSet<>();
        for (String keyword : keywords) {
            lenient(keyword).ifPresent(out::add);
        }
        return Set.copyOf(out);
    }

    /** As the wire records spell keywords (ADR 0012: their components stay strings within schema version 1). */
    public static Set<String> values(Collection<Keyword> keywords) {
        Set<String> out = new TreeSet<>();
        keywords.forEach(k -> out.add(k.value));
        return Set.copyOf(out);
    }

    /**
     * An IMAP flag as a keyword: a system flag by its JMAP name; {@code \Recent} and unknown system flags are session
     * state, not keywords, and are empty; user flags as they are, when valid.
     */
    public static Optional<Keyword> fromImapFlag(String flag) {
        if (flag != null && flag.startsWith("\\")) {
            return Optional.ofNullable(SYSTEM_TO_KEYWORD.get(flag.toLowerCase(Locale.ROOT)));
        }
        return lenient(flag);
    }

    /** IMAP flags to keywords, dropping what is not one (see {@link #fromImapFlag}). */
    public static Set<Keyword> fromImapFlags(Collection<String> flags) {
        Set<Keyword> out = new TreeSet<>();
        for (String flag : flags) {
            fromImapFlag(flag).ifPresent(out::add);
        }
        return Set.copyOf(out);
    }

    /** The IMAP flag: the system flag for the five JMAP ones, the keyword itself otherwise. */
    public String toImapFlag() {
        return KEYWORD_TO_SYSTEM.getOrDefault(this, value);
    }

    public boolean isSystem() {
        return KEYWORD_TO_SYSTEM.containsKey(this);
    }

    @Override
    public int compareTo(Keyword other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
