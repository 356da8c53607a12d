package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The owning fetcher's answer to a {@link SearchMailbox} (same {@code commandId}): per folder searched, its
 * UIDVALIDITY and the UIDs the server found; {@code FAILED} with a {@code reason} (no secret) when it refused.
 */
@WireType(name = "MailboxSearched", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MailboxSearched(
        UUID commandId,
        Instant occurredAt,
        AccountId accountId,
        Outcome outcome,
        List<FolderHits> folders,
        Long ownerEpoch,
        String reason) implements CommandReply {

    public enum Outcome { FOUND, FAILED }

    /** The UIDs found in one folder, valid for {@code uidValidity}. */
    public record FolderHits(String folder, long uidValidity, List<Long> uids) {
        public FolderHits {
            Objects.requireNonNull(folder, "folder");
            uids = List.copyOf(uids == null ? List.of() : uids);
        }
    }

    public MailboxSearched {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(outcome, "outcome");
        folders = List.copyOf(folders == null ? List.of() : folders);
    }
}
