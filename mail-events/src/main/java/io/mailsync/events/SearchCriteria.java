package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What a search asks for (issue 20); every criterion given must hold, null means "any". Strings match as substrings,
 * case-insensitively (RFC 3501 §6.4.4). {@code since}/{@code before} are days of the message's arrival (IMAP
 * INTERNALDATE, SINCE and BEFORE); {@code text} is found in the subject or body; {@code hasAttachment} is a
 * {@code multipart/mixed} message on an IMAP server (SEARCH has no key for attachments).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchCriteria(String from, String to, String subject, String text, LocalDate since, LocalDate before,
                             Boolean unread, Boolean flagged, Boolean hasAttachment) {

    public SearchCriteria {
        from = blankToNull(from);
        to = blankToNull(to);
        subject = blankToNull(subject);
        text = blankToNull(text);
        if (since != null && before != null && !since.isBefore(before)) {
            throw new IllegalArgumentException("since (" + since + ") is before before (" + before + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
