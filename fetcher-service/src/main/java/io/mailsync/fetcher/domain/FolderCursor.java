package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import java.util.Objects;

/**
 * How far the fetcher has announced one folder: every message below {@code uidNext} under {@code uidValidity}
 * has been published. {@code highestModSeq} is null where the server lacks CONDSTORE (RFC 7162).
 * {@code rebuildBelow} is the server's UIDNEXT when a UIDVALIDITY change was seen: messages below it are
 * known mail under new UIDs, re-announced silently ({@code rebuild = true}), even across a restart.
 * {@code uidNext} stays a number: it is a bound (one past the last UID announced), not a message's UID.
 */
public record FolderCursor(String folder, UidValidity uidValidity, long uidNext, ModSeq highestModSeq,
                           long rebuildBelow) {

    public FolderCursor {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("a cursor belongs to a folder");
        }
        Objects.requireNonNull(uidValidity, "uidValidity");
        if (uidNext < 1) {
            throw new IllegalArgumentException("uidNext is at least 1");
        }
    }

    /** A folder seen for the first time: nothing in it announced yet. */
    public static FolderCursor fresh(String folder, UidValidity uidValidity) {
        return new FolderCursor(folder, uidValidity, 1, null, 0);
    }

    /** UIDVALIDITY changed (RFC 3501 §2.3.1.1): every UID is void, what the server holds now is a rebuild. */
    public static FolderCursor reset(String folder, UidValidity uidValidity, long serverUidNext) {
        return new FolderCursor(folder, uidValidity, 1, null, serverUidNext);
    }

    public boolean isRebuild(Uid uid) {
        return uid.value() < rebuildBelow;
    }

    public FolderCursor advancedTo(long nextUid, ModSeq modSeq) {
        ModSeq highest = highestModSeq;
        if (modSeq != null && (highest == null || modSeq.isAfter(highest))) {
            highest = modSeq;
        }
        return new FolderCursor(folder, uidValidity, Math.max(uidNext, nextUid), highest, rebuildBelow);
    }
}
