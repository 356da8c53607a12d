package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.CommandReply;

/**
 * Answers to the commands a requester waits for (issue 20: a body fetched on demand, a server-side search), on {@code mail.replies} keyed by
 * account. Returns once the broker has the answer; throws if it does not.
 */
public interface CommandReplies {

    /** For a fetcher wired without a reply topic (unit tests of other parts): an answer goes nowhere. */
    CommandReplies NONE = reply -> {
    };

    void reply(CommandReply reply);
}
