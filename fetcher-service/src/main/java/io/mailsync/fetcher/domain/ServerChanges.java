package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Uid;
import java.util.List;
import java.util.Set;

/**
 * What the server says changed in a folder: flag states (all messages, or those changed since a modseq) and,
 * where known, the UIDs expunged (QRESYNC {@code VANISHED (EARLIER)}, RFC 7162 §3.2.6).
 *
 * @param complete true when {@code states} lists every message in the folder (a full comparison): a known UID
 *                 missing from it was expunged
 */
public record ServerChanges(List<FlagState> states, Set<Uid> vanished, boolean complete) {

    public ServerChanges {
        states = List.copyOf(states);
        vanished = Set.copyOf(vanished);
    }
}
