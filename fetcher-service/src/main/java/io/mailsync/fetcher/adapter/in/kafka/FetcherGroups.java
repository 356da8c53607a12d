package io.mailsync.fetcher.adapter.in.kafka;

/** Consumer-group ids are constants (ADR 0001); service-support's {@code ConsumerGroups} appends the suffix. */
final class FetcherGroups {

    static final String OWNERSHIP = "fetcher";

    private FetcherGroups() {
    }
}
