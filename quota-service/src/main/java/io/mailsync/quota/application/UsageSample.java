package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.Resource;
import java.time.Instant;
import java.util.Objects;

/** One reading of a mailbox; a null value was not reported (a null limit: the provisioned one applies). */
public record UsageSample(AccountId accountId, Instant at, Long storageUsed, Long storageLimit, Long messageCount,
                          Long messageLimit) {

    public UsageSample {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
    }

    public Long used(Resource resource) {
        return resource == Resource.STORAGE ? storageUsed : messageCount;
    }

    public Long reportedLimit(Resource resource) {
        return resource == Resource.STORAGE ? storageLimit : messageLimit;
    }
}
