package io.mailsync.sync.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose read state a shared mailbox keeps (issue 23), chosen per mailbox by its owner. {@link #SHARED}: one
 * {@code $seen} for everyone, the server's {@code \Seen} (what mailsync always did). {@link #PRIVATE}: each person
 * their own {@code $seen}, like Dovecot's private flags on a shared folder; every other keyword stays shared, and the
 * server's {@code \Seen} follows the owner only — it is the owner's mailbox on the ISP's server, and their other mail
 * clients must not see mail as read because someone they share it with read it.
 */
public enum ReadStateMode {
    SHARED, PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReadStateMode> ofWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
    }
}
