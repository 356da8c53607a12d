package io.mailsync.fetcher.application;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The typed vocabulary as the wire records still spell it (ADR 0012: their components stay plain strings and numbers
 * within schema version 1, so their JSON is unchanged): one place where the use cases convert.
 */
final class Wire {

    private Wire() {
    }

    static Set<String> keywords(Set<Keyword> keywords) {
        return Keyword.values(keywords);
    }

    /** What a command asks for, as keywords: a malformed one is refused (the command is logged and not retried). */
    static Set<Keyword> keywordsOf(Set<String> names) {
        return names.stream().map(Keyword::of).collect(Collectors.toUnmodifiableSet());
    }

    static Long modSeq(ModSeq modSeq) {
        return modSeq == null ? null : modSeq.value();
    }

    static MessageLocator imap(String folder, UidValidity validity, Uid uid) {
        return MessageLocator.imap(folder, validity.value(), uid.value());
    }
}
