package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import java.util.Objects;
import java.util.Set;

/** A message's keywords as the server reported them, with its CONDSTORE modseq where offered (else null). */
public record FlagState(Uid uid, Set<Keyword> keywords, ModSeq modSeq) {

    public FlagState {
        Objects.requireNonNull(uid, "uid");
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
    }
}
