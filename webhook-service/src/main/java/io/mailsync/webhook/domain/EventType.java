package io.mailsync.webhook.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a subscription can ask for, by the name receivers see in a delivery's {@code type}. Only the types this build
 * fans out are here (ADR 0013 "What is built"); a subscription naming another type is refused, not silently idle.
 */
public enum EventType {

    /** The account's sync state moved (mail.state): a client asks {@code /changes?since=} its last state. */
    STATE_CHANGED("account.state"),
    /** New mail on the server (mail.events MessageArrived; not the re-announcements after a folder reset). */
    MESSAGE_ARRIVED("message.arrived"),
    /** A message's keywords (IMAP flags) changed (mail.events MessageFlagsChanged). */
    KEYWORDS_CHANGED("message.keywords"),
    /** A message is gone from the server (mail.events MessageExpunged). */
    MESSAGE_DESTROYED("message.destroyed"),
    /** The connection to the account's mail server changed state (mail.events AccountStatusChanged). */
    ACCOUNT_STATUS("account.status"),
    /** A quota level was crossed, up or back down (quota.alerts QuotaLevelCrossed). */
    QUOTA_LEVEL("quota.level");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }
}
