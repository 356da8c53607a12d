package io.mailsync.testkit.builders;

import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MailboxUsageSampled.Source;
import io.mailsync.events.mail.AccountId;

/**
 * {@code aMailboxUsageSample().forAccount(id).using(bytes).of(limit).build()}: what GETQUOTAROOT (RFC 9208) reported;
 * no limit unless given, so the provisioned one applies.
 */
public final class MailboxUsageSampledBuilder extends EventBuilder<MailboxUsageSampledBuilder> {

    private Source source = Source.IMAP_QUOTA;
    private Long storageUsedBytes = 0L;
    private Long storageLimitBytes;
    private Long messageCount = 10L;
    private Long messageLimit;

    private MailboxUsageSampledBuilder() {
    }

    public static MailboxUsageSampledBuilder aMailboxUsageSample() {
        return new MailboxUsageSampledBuilder();
    }

    public MailboxUsageSampledBuilder from(Source source) {
        this.source = source;
        return this;
    }

    public MailboxUsageSampledBuilder using(Long storageUsedBytes) {
        this.storageUsedBytes = storageUsedBytes;
        return this;
    }

    public MailboxUsageSampledBuilder of(Long storageLimitBytes) {
        this.storageLimitBytes = storageLimitBytes;
        return this;
    }

    public MailboxUsageSampledBuilder holding(Long messageCount, Long messageLimit) {
        this.messageCount = messageCount;
        this.messageLimit = messageLimit;
        return this;
    }

    public MailboxUsageSampled build() {
        return new MailboxUsageSampled(eventId, occurredAt, accountId, origin, source, storageUsedBytes,
                storageLimitBytes, messageCount, messageLimit);
    }
}
