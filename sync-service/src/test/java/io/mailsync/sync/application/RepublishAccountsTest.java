package io.mailsync.sync.application;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.domain.Account;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A restarted service puts every registered account back on the accounts topic, however many there are — and a
 * password sealed with a previous credential key comes out sealed with the current one (issue 22: key rotation).
 */
class RepublishAccountsTest {

    private static final String KEY_A = key();
    private static final String KEY_B = key();

    private final Fixture fixture = new Fixture();
    private final List<AccountSpec> published = new ArrayList<>();
    private final AccountPublisher publisher = new AccountPublisher() {
        @Override
        public void publish(AccountSpec spec) {
            published.add(spec);
        }

        @Override
        public void publishRemoval(AccountId accountId) {
            throw new AssertionError("nothing is removed on startup");
        }
    };

    private static String key() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes());
    }

    private RepublishAccounts republishWith(SecretCipher cipher) {
        return new RepublishAccounts(fixture.accounts, publisher, cipher, fixture.clock);
    }

    @Test
    void everyRegisteredAccountIsPublishedOnceAcrossPages() {
        List<String> ids = IntStream.range(0, 1203).mapToObj(i -> fixture.imapAccount()).toList();

        assertThat(republishWith(new SecretCipher("k", KEY_A)).republishAll().published()).isEqualTo(1203);

        assertThat(published).extracting(spec -> spec.accountId().value()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(published).allSatisfy(spec -> assertThat(spec.encryptedSecret()).startsWith("v1:"));
    }

    @Test
    void anEmptyRegistryPublishesNothing() {
        assertThat(republishWith(new SecretCipher("k", KEY_A)).republishAll().published()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void passwordsUnderThePreviousKeyAreStoredAndPublishedUnderTheCurrentOne() {
        SecretCipher keyA = new SecretCipher("a", KEY_A);
        List<String> ids = IntStream.range(0, 700).mapToObj(i -> register(keyA, "pw-" + i)).toList();
        String alreadyB = register(new SecretCipher("b", KEY_B), "pw-b");

        java.time.Instant registered = stored(ids.getFirst()).updatedAt();

        RepublishAccounts.Outcome outcome =
                republishWith(new SecretCipher("b", KEY_B, Map.of("a", KEY_A))).republishAll();

        assertThat(outcome).isEqualTo(new RepublishAccounts.Outcome(701, 700, 0));
        SecretCipher onlyB = new SecretCipher("b", KEY_B);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertThat(onlyB.decrypt(id, stored(id).encryptedSecret())).isEqualTo("pw-" + i);
            assertThat(stored(id).updatedAt()).as("when the password last changed").isAfter(registered);
        }
        assertThat(published).extracting(AccountSpec::encryptedSecret).allMatch(s -> s.startsWith("v1:b:"));
        assertThat(published).filteredOn(s -> s.accountId().value().equals(alreadyB)).singleElement()
                .extracting(AccountSpec::encryptedSecret).isEqualTo(stored(alreadyB).encryptedSecret());
        // the old key can go now: nothing needs it
        assertThat(fixture.accounts.page(null, 1000)).noneMatch(a -> onlyB.needsReEncryption(a.spec().encryptedSecret()));
    }

    @Test
    void aPasswordNoConfiguredKeyOpensIsPublishedAsItIsAndCounted() {
        String lost = register(new SecretCipher("gone", KEY_A), "pw");
        String before = stored(lost).encryptedSecret();

        RepublishAccounts.Outcome outcome = republishWith(new SecretCipher("b", KEY_B)).republishAll();

        assertThat(outcome).isEqualTo(new RepublishAccounts.Outcome(1, 0, 1));
        assertThat(stored(lost).encryptedSecret()).isEqualTo(before);
        assertThat(published).singleElement().extracting(AccountSpec::encryptedSecret).isEqualTo(before);
        assertThatThrownBy(() -> new SecretCipher("b", KEY_B).decrypt(lost, before))
                .isInstanceOf(SecretCipher.UndecryptableSecretException.class);
    }

    @Test
    void aPasswordReplacedMeanwhileIsNotOverwrittenByTheRotation() {
        String id = register(new SecretCipher("a", KEY_A), "old");
        String read = stored(id).encryptedSecret();
        String replaced = new SecretCipher("b", KEY_B).encrypt(id, "new");
        fixture.accounts.replaceSecret(AccountId.of(id), null, replaced, fixture.clock.instant());

        assertThat(fixture.accounts.replaceSecret(AccountId.of(id), read, "v1:b:stale", fixture.clock.instant())).isFalse();
        assertThat(stored(id).encryptedSecret()).isEqualTo(replaced);
    }

    private String register(SecretCipher cipher, String password) {
        fixture.clock.advance(java.time.Duration.ofMillis(5)); // registration and rotation never share a millisecond
        String accountId = "a-" + UUID.randomUUID();
        AccountSpec spec = anAccountSpec().forAccount(accountId).ofCustomer("customer-1").withUsername("u-" + accountId)
                .withEncryptedSecret(cipher.encrypt(accountId, password)).updatedAt(fixture.clock.instant()).build();
        fixture.accounts.insert(new Account(spec, Account.PENDING, null, null, fixture.clock.instant()));
        return accountId;
    }

    private AccountSpec stored(String accountId) {
        return fixture.accounts.find(AccountId.of(accountId)).orElseThrow().spec();
    }
}
