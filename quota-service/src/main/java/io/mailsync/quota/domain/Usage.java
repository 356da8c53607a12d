package io.mailsync.quota.domain;

/** How much of one resource is used against its limit. */
public record Usage(long used, long limit) {

    public Usage {
        if (used < 0) {
            throw new IllegalArgumentException("used is >= 0");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("a limit is > 0");
        }
    }

    /** Percent used, not capped: an over-quota mailbox (usage above a lowered limit) reads above 100. */
    public double percent() {
        return used * 100.0 / limit;
    }
}
