package io.mailsync.sync.domain;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Public message ids, derived from where the message was first seen so that a replayed {@code MessageArrived}
 * lands on the same id. After a folder reset the id stays with the message, not with the new location.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static MessageId of(AccountId accountId, String locatorKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId.value() + "\n" + locatorKey).getBytes(StandardCharsets.UTF_8));
            return MessageId.of("M" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
