package io.mailsync.reliability;

/** CI runs a scaled-down suite; {@code -Dreliability.full=true} runs issue 8's full sizes. */
final class Sizes {

    static final boolean FULL = Boolean.getBoolean("reliability.full");

    private Sizes() {
    }

    static int r1Messages() {
        return Integer.getInteger("reliability.r1.messages", FULL ? 10_000 : 1_000);
    }

    /** Issue 15, R14: mailboxes spread over three fetcher processes; a third of them move at each kill. */
    static int failoverMailboxes() {
        return Integer.getInteger("reliability.failover.mailboxes", FULL ? 300 : 150);
    }

    static int failoverKills() {
        return Integer.getInteger("reliability.failover.kills", FULL ? 3 : 2);
    }

    /** Issue 15, R12: commands issued while fetchers are killed at random points. */
    static int crashCommands() {
        return Integer.getInteger("reliability.r12.commands", FULL ? 240 : 60);
    }

    static int r1Seeds() {
        return Integer.getInteger("reliability.r1.seeds", FULL ? 5 : 1);
    }
}
