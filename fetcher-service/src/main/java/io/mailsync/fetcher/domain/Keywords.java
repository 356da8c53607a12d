package io.mailsync.fetcher.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IMAP system flags as JMAP keywords (RFC 8621 §4.1.1): {@code \Seen} is {@code $seen} and so on; custom
 * keywords travel as they are. {@code \Recent} is session state, not a keyword, and is dropped.
 */
public final class Keywords {

    public static final String SEEN = "$seen";
    public static final String FLAGGED = "$flagged";
    public static final String ANSWERED = "$answered";
    public static final String DRAFT = "$draft";
    public static final String DELETED = "$deleted";

    private static final Map<String, String> SYSTEM_TO_KEYWORD = Map.of(
            "\\seen", SEEN, "\\flagged", FLAGGED, "\\answered", ANSWERED, "\\draft", DRAFT, "\\deleted", DELETED);

    private static final Map<String, String> KEYWORD_TO_SYSTEM = Map.of(
            SEEN, "\\Seen", FLAGGED, "\\Flagged", ANSWERED, "\\Answered", DRAFT, "\\Draft", DELETED, "\\Deleted");

    private Keywords() {
    }

    /** IMAP flags (system flags with their backslash, user flags as they are) to keywords. */
    public static Set<String> fromImapFlags(Collection<String> imapFlags) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String flag : imapFlags) {
            if (flag.startsWith("\\")) {
                String keyword = SYSTEM_TO_KEYWORD.get(flag.toLowerCase(Locale.ROOT));
                if (keyword != null) {
                    keywords.add(keyword);
                }
            } else if (!flag.isBlank()) {
                keywords.add(flag);
            }
        }
        return Set.copyOf(keywords);
    }

    /** A keyword as an IMAP flag: the system flag for the five JMAP ones, the keyword itself otherwise. */
    public static String toImapFlag(String keyword) {
        return KEYWORD_TO_SYSTEM.getOrDefault(keyword.toLowerCase(Locale.ROOT), keyword);
    }

    /** Whether {@code keyword} names one of the IMAP system flags. */
    public static boolean isSystem(String keyword) {
        return KEYWORD_TO_SYSTEM.containsKey(keyword.toLowerCase(Locale.ROOT));
    }
}
