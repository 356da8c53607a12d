package io.mailsync.events.mail;

/** The range checks the protocol quantities share. */
final class Numbers {

    /** RFC 3501 §9 {@code nz-number}: 1 to 4,294,967,295. */
    static final long MAX_NZ32 = 0xFFFF_FFFFL;

    private Numbers() {
    }

    static void requireNz32(long value, String what) {
        if (value < 1 || value > MAX_NZ32) {
            throw new IllegalArgumentException(
                    what + " is 1 to " + MAX_NZ32 + " (RFC 3501 §2.3.1.1), was " + value);
        }
    }
}
