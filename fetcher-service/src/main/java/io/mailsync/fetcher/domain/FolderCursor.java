package io.mailsync.fetcher.domain;

/**
 * How far the fetcher has announced one folder: every message below {@code uidNext} under {@code uidValidity}
 * has been published. {@code highestModSeq} is null where the server lacks CONDSTORE (RFC 7162).
 * {@code rebuildBelow} is the server's UIDNEXT when a UIDVALIDITY change was seen: messages below it are
 * known mail under new UIDs, re-announced silently ({@code rebuild = true}), even across a restart.
 */
public record FolderCursor(String folder, long uidValidity, long uidNext, Long highestModSeq, long rebuildBelow) {

    public FolderCursor {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("a cursor belongs to a folder");
        }
        if (uidValidity <= 0) {
            throw new IllegalArgumentException("uidValidity is positive (RFC 3501 §2.3.1.1)");
        }
        if (uidNext < 1) {
            throw new IllegalArgumentException("uidNext is at least 1");
        }
    }

    /** A folder seen for the first time: nothing in it announced yet. */
    public static FolderCursor fresh(String folder, long uidValidity) {
        return new FolderCursor(folder, uidValidity, 1, null, 0);
    }

    /** UIDVALIDITY changed (RFC 3501 §2.3.1.1): every UID is void, what the server holds now is a rebuild. */
    public static FolderCursor reset(String folder, long uidValidity, long serverUidNext) {
        return new FolderCursor(folder, uidValidity, 1, null, serverUidNext);
    }

    public boolean isRebuild(long uid) {
        return uid < rebuildBelow;
    }

    public FolderCursor advancedTo(long nextUid, Long modSeq) {
        Long highest = highestModSeq;
        if (modSeq != null && (highest == null || modSeq > highest)) {
            highest = modSeq;
        }
        return new FolderCursor(folder, uidValidity, Math.max(uidNext, nextUid), highest, rebuildBelow);
    }
}
