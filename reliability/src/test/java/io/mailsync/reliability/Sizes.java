package io.mailsync.reliability;

/** CI runs a scaled-down suite; {@code -Dreliability.full=true} runs issue 8's full sizes. */
final class Sizes {

    static final boolean FULL = Boolean.getBoolean("reliability.full");

    private Sizes() {
    }

    static int r1Messages() {
        return Integer.getInteger("reliability.r1.messages", FULL ? 10_000 : 1_000);
    }

    static int r1Seeds() {
        return Integer.getInteger("reliability.r1.seeds", FULL ? 5 : 1);
    }
}
