package io.mailsync.fetcher.adapter.in.kafka;

/** Consumer-group ids are constants (ADR 0001); service-support's {@code ConsumerGroups} appends the suffix. */
final class FetcherGroups {

    static final String OWNERSHIP = "fetcher";
    /** Offsets of {@code mail.commands}, read by the owner of each partition's accounts (ADR 0007). */
    static final String COMMANDS = "fetcher-commands";

    private FetcherGroups() {
    }
}
