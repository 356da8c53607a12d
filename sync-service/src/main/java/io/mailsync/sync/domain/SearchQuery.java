package io.mailsync.sync.domain;

import io.mailsync.events.SearchCriteria;
import io.mailsync.events.mail.Keyword;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code query} of {@code GET .../messages?query=} (issue 20): space-separated filters, each {@code key:value} or
 * {@code key:"two words"} — {@code from:}, {@code to:}, {@code subject:}, {@code text:}, {@code since:} and
 * {@code before:} (days, {@code 2026-11-01}), {@code is:unread}, {@code is:read}, {@code is:flagged},
 * {@code is:unflagged}, {@code has:attachment}; a bare word is text. Every filter must hold.
 */
public final class SearchQuery {

    private static final int MAX_LENGTH = 1000;
    private static final Pattern TOKEN = Pattern.compile("(?:(\\w+):)?(?:\"([^\"]*)\"|(\\S+))");

    private SearchQuery() {
    }

    /** The criteria the query says; an {@link IllegalArgumentException} a person can act on where it says none. */
    public static SearchCriteria parse(String query) {
        if (query == null || query.isBlank() || query.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query is 1 to " + MAX_LENGTH + " characters of filters, e.g."
                    + " from:ann@example.net subject:\"lunch plans\" since:2026-11-01 is:unread");
        }
        String from = null, to = null, subject = null;
        List<String> text = new ArrayList<>();
        LocalDate since = null, before = null;
        Boolean unread = null, flagged = null, attachment = null;
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            String key = m.group(1) == null ? "text" : m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            switch (key) {
                case "from" -> from = value;
                case "to" -> to = value;
                case "subject" -> subject = value;
                case "text" -> text.add(value);
                case "since" -> since = day(key, value);
                case "before" -> before = day(key, value);
                case "is" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "unread" -> unread = true;
                        case "read" -> unread = false;
                        case "flagged" -> flagged = true;
                        case "unflagged" -> flagged = false;
                        default -> throw new IllegalArgumentException("is: takes unread, read, flagged or unflagged");
                    }
                }
                case "has" -> {
                    if (!value.equalsIgnoreCase("attachment")) {
                        throw new IllegalArgumentException("has: takes attachment");
                    }
                    attachment = true;
                }
                default -> throw new IllegalArgumentException("unknown filter '" + key + ":'; the filters are from:,"
                        + " to:, subject:, text:, since:, before:, is:, has:");
            }
        }
        return new SearchCriteria(from, to, subject, text.isEmpty() ? null : String.join(" ", text), since, before,
                unread, flagged, attachment);
    }

    private static LocalDate day(String key, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": takes a day, e.g. 2026-11-01; was '" + value + "'");
        }
    }

    /** Whether the criteria read only what mailsync keeps of every message (no body, no attachment). */
    public static boolean needsBody(SearchCriteria c) {
        return c.text() != null || c.hasAttachment() != null;
    }

    /** The criteria mailsync can decide from a stored message's envelope, arrival and keywords (POP3). */
    public static boolean matchesStored(SearchCriteria c, StoredMessage m) {
        return contains(m.envelope().from(), c.from()) && contains(m.envelope().to(), c.to())
                && contains(m.envelope().subject(), c.subject())
                && (c.since() == null || day(m).compareTo(c.since()) >= 0)
                && (c.before() == null || day(m).isBefore(c.before()))
                && (c.unread() == null || c.unread() != m.keywords().contains(Keyword.SEEN))
                && (c.flagged() == null || c.flagged() == m.keywords().contains(Keyword.FLAGGED));
    }

    /** Whether {@code text} occurs, case-insensitively, in {@code haystack} (RFC 3501 §6.4.4's substring match). */
    public static boolean contains(String haystack, String text) {
        return text == null || haystack != null && haystack.toLowerCase(Locale.ROOT)
                .contains(text.toLowerCase(Locale.ROOT));
    }

    private static boolean contains(List<String> values, String text) {
        return text == null || values != null && values.stream().anyMatch(v -> contains(v, text));
    }

    private static LocalDate day(StoredMessage m) {
        return m.receivedAt() == null ? LocalDate.MIN : m.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
