package io.mailsync.fetcher.domain;

import java.util.Set;

/** A message's keywords as the server reported them, with its CONDSTORE modseq where offered. */
public record FlagState(long uid, Set<String> keywords, Long modSeq) {

    public FlagState {
        if (uid < 1) {
            throw new IllegalArgumentException("uid is positive");
        }
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
    }
}
