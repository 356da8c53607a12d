package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A restarted service puts every registered account back on the accounts topic, however many there are. */
class RepublishAccountsTest {

    private final Fixture fixture = new Fixture();
    private final List<AccountSpec> published = new ArrayList<>();
    private final RepublishAccounts republish = new RepublishAccounts(fixture.accounts, new AccountPublisher() {
        @Override
        public void publish(AccountSpec spec) {
            published.add(spec);
        }

        @Override
        public void publishRemoval(AccountId accountId) {
            throw new AssertionError("nothing is removed on startup");
        }
    });

    @Test
    void everyRegisteredAccountIsPublishedOnceAcrossPages() {
        List<String> ids = IntStream.range(0, 1203).mapToObj(i -> fixture.imapAccount()).toList();

        assertThat(republish.republishAll()).isEqualTo(1203);

        assertThat(published).extracting(AccountSpec::accountId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(published).allSatisfy(spec -> assertThat(spec.encryptedSecret()).startsWith("v1:"));
    }

    @Test
    void anEmptyRegistryPublishesNothing() {
        assertThat(republish.republishAll()).isZero();
        assertThat(published).isEmpty();
    }
}
