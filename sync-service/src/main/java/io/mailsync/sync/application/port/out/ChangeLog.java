package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.ChangeEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each account's change log: one entry per modseq. Written before the change it describes (over-report, never under). */
public interface ChangeLog {

    void append(AccountId accountId, ChangeEntry entry);

    /** Appends a batch of entries (one write where the store allows it); a retried entry is not logged twice. */
    default void appendAll(AccountId accountId, List<ChangeEntry> entries) {
        entries.forEach(entry -> append(accountId, entry));
    }

    /** Entries with {@code after < modseq <= upTo}, ascending, at most {@code limit}. */
    List<ChangeEntry> read(AccountId accountId, ModSeq after, ModSeq upTo, int limit);

    /** The first entry after {@code modseq}, if any. */
    Optional<ChangeEntry> firstAfter(AccountId accountId, ModSeq modseq);

    /** Per account, the highest modseq among entries older than {@code cutoff}. */
    Map<AccountId, ModSeq> highestOlderThan(Instant cutoff);

    /** Removes an account's entries up to and including {@code modseq}. */
    void deleteThrough(AccountId accountId, ModSeq modseq);

    void deleteAccount(AccountId accountId);
}
