package io.mailsync.sync.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Message keywords in JMAP form (RFC 8621 §4.1.1): {@code $seen}, {@code $flagged}, {@code $answered},
 * {@code $draft}, {@code $deleted} and custom ones; case-insensitive, so kept in lower case.
 */
public final class Keywords {

    public static final String SEEN = "$seen";

    // RFC 8621 §4.1.1: 1-255 of %x21-%x7e except ( ) { ] % * " \
    private static final Pattern KEYWORD = Pattern.compile("[\\x21-\\x7e&&[^(){\\]%*\"\\\\]]{1,255}");

    private Keywords() {
    }

    /** The keyword in canonical form; throws {@link IllegalArgumentException} with a reason a person can act on. */
    public static String normalize(String keyword) {
        if (keyword == null || !KEYWORD.matcher(keyword).matches()) {
            throw new IllegalArgumentException("'" + (keyword == null ? "" : keyword)
                    + "' is not a keyword (1-255 printable ASCII characters, none of ( ) { ] % * \" \\ or space)");
        }
        return keyword.toLowerCase(Locale.ROOT);
    }

    /** Lenient form for what a mail server reports: invalid keywords are dropped instead of failing the event. */
    public static Optional<String> normalizeLenient(String keyword) {
        try {
            return Optional.of(normalize(keyword));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Set<String> fromServer(Collection<String> flags) {
        Set<String> out = new TreeSet<>();
        for (String flag : flags) {
            normalizeLenient(flag).ifPresent(out::add);
        }
        return Set.copyOf(out);
    }
}
