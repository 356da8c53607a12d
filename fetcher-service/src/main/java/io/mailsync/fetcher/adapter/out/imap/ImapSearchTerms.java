package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.SearchCriteria;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Issue 20's criteria as Angus Mail search terms, which {@code IMAPFolder.search} sends as one {@code SEARCH} (RFC 3501
 * §6.4.4): FROM, TO, SUBJECT, TEXT as SUBJECT or BODY, SINCE / BEFORE (arrival day, INTERNALDATE), UNSEEN / SEEN,
 * FLAGGED / UNFLAGGED, and an attachment as {@code HEADER Content-Type multipart/mixed} — SEARCH has no key for it.
 */
final class ImapSearchTerms {

    private ImapSearchTerms() {
    }

    /** Empty when no criterion is given: every message. */
    static Optional<SearchTerm> of(SearchCriteria c) {
        List<SearchTerm> terms = new ArrayList<>();
        if (c.from() != null) {
            terms.add(new FromStringTerm(c.from()));
        }
        if (c.to() != null) {
            terms.add(new RecipientStringTerm(Message.RecipientType.TO, c.to()));
        }
        if (c.subject() != null) {
            terms.add(new SubjectTerm(c.subject()));
        }
        if (c.text() != null) {
            terms.add(new OrTerm(new SubjectTerm(c.text()), new BodyTerm(c.text())));
        }
        if (c.since() != null) {
            terms.add(new ReceivedDateTerm(ComparisonTerm.GE, day(c.since())));
        }
        if (c.before() != null) {
            terms.add(new ReceivedDateTerm(ComparisonTerm.LT, day(c.before())));
        }
        if (c.unread() != null) {
            terms.add(new FlagTerm(new Flags(Flags.Flag.SEEN), !c.unread()));
        }
        if (c.flagged() != null) {
            terms.add(new FlagTerm(new Flags(Flags.Flag.FLAGGED), c.flagged()));
        }
        if (c.hasAttachment() != null) {
            SearchTerm mixed = new HeaderTerm("Content-Type", "multipart/mixed");
            terms.add(c.hasAttachment() ? mixed : new NotTerm(mixed));
        }
        return switch (terms.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(terms.getFirst());
            default -> Optional.of(new AndTerm(terms.toArray(SearchTerm[]::new)));
        };
    }

    /** Angus writes a date term's day in this JVM's zone: the start of that day here is that day on the wire. */
    private static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
