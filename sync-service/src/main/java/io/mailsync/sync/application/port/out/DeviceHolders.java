package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import java.util.Optional;

/** Whose each device is: the person who registered it (issue 23: each person their own devices). */
public interface DeviceHolders {

    void hold(AccountId accountId, DeviceId deviceId, String person);

    /** Empty for a device registered before issue 23 (its owner's) or unknown. */
    Optional<String> holderOf(AccountId accountId, DeviceId deviceId);
}
