package io.mailsync.sync.domain;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import java.util.Objects;

/**
 * A draft a device saved (issue 11): a stable id for its whole life, the device that may replace it, and the message
 * holding its current version ({@code version} counts from 1).
 */
public record Draft(AccountId accountId, String draftId, DeviceId deviceId, MessageId messageId, int version) {

    public Draft {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(messageId, "messageId");
        if (version < 1) {
            throw new IllegalArgumentException("a draft's version counts from 1");
        }
    }

    /** Only the device that created a draft replaces it: two devices editing one draft would lose one's words. */
    public boolean replaceableBy(DeviceId device) {
        return deviceId.equals(device);
    }
}
