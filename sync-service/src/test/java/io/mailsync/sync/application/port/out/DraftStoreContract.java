package io.mailsync.sync.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.Draft;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link DraftStore} does: one owner per draft, a new version only over the current one. */
public interface DraftStoreContract {

    DraftStore drafts();

    @Test
    default void aDraftIsCreatedOnceAndAdvancesOnlyFromItsCurrentVersion() {
        String account = "acc-" + UUID.randomUUID();
        Draft first = new Draft(AccountId.of(account), "d1", DeviceId.of("phone"), MessageId.of("m1"), 1);

        assertThat(drafts().create(first)).isTrue();
        assertThat(drafts().create(new Draft(AccountId.of(account), "d1", DeviceId.of("laptop"), MessageId.of("mX"), 1))).isFalse();
        assertThat(drafts().find(AccountId.of(account), "d1")).contains(first);
        assertThat(drafts().advance(first, MessageId.of("m2"))).isTrue();
        assertThat(drafts().advance(first, MessageId.of("m3"))).as("a save over a version that is no longer current").isFalse();
        assertThat(drafts().find(AccountId.of(account), "d1")).contains(new Draft(AccountId.of(account), "d1", DeviceId.of("phone"), MessageId.of("m2"), 2));
        assertThat(drafts().find(AccountId.of("other-account"), "d1")).isEmpty();

        drafts().remove(AccountId.of(account), "d1");
        assertThat(drafts().find(AccountId.of(account), "d1")).isEmpty();
    }

    @Test
    default void removingAnAccountForgetsItsDraftsOnly() {
        String gone = "acc-" + UUID.randomUUID();
        String kept = "acc-" + UUID.randomUUID();
        drafts().create(new Draft(AccountId.of(gone), "d1", DeviceId.of("phone"), MessageId.of("m1"), 1));
        drafts().create(new Draft(AccountId.of(gone), "d2", DeviceId.of("phone"), MessageId.of("m2"), 1));
        drafts().create(new Draft(AccountId.of(kept), "d1", DeviceId.of("phone"), MessageId.of("m3"), 1));

        drafts().deleteAccount(AccountId.of(gone));

        assertThat(drafts().find(AccountId.of(gone), "d1")).isEmpty();
        assertThat(drafts().find(AccountId.of(gone), "d2")).isEmpty();
        assertThat(drafts().find(AccountId.of(kept), "d1")).isPresent();
    }
}
