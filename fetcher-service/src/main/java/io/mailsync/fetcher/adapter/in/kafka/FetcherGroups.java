package io.mailsync.fetcher.adapter.in.kafka;

/** Consumer-group ids are constants (ADR 0001); deployments and tests append {@code mailsync.kafka.group-suffix}. */
final class FetcherGroups {

    static final String OWNERSHIP = "fetcher";

    private FetcherGroups() {
    }
}
