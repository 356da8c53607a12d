package io.mailsync.fetcher.support;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MailCommand;
import io.mailsync.events.TopicNames;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the sync service's part: registers accounts (secrets encrypted) and removes them with tombstones. */
public final class AccountFeed implements AutoCloseable {

    public static final String KEY_ID = "test-key";
    /** 32 bytes, base64: a test key, nothing else uses it. */
    public static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final TopicNames topics;
    private final EventCodec codec = new EventCodec();
    private final SecretCipher cipher = new SecretCipher(KEY_ID, KEY);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaKit.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.LINGER_MS_CONFIG, 0));

    public AccountFeed(TopicNames topics) {
        this.topics = topics;
    }

    public AccountSpec imap(String accountId, int port, String login, String password) {
        return new AccountSpec(AccountId.of(accountId), "cust-1", AccountSpec.Protocol.IMAP, "127.0.0.1", port,
                AccountSpec.Security.NONE, false, login, cipher.encrypt(accountId, password), List.of("INBOX"),
                Duration.ofSeconds(1), null, false, null, null, null, Instant.now());
    }

    /** An IMAP account that watches more folders than INBOX. */
    public AccountSpec imapWithFolders(String accountId, int port, String login, String password, List<String> folders) {
        AccountSpec s = imap(accountId, port, login, password);
        return new AccountSpec(s.accountId(), s.customerId(), s.protocol(), s.host(), s.port(), s.security(),
                s.trustAnyCertificate(), s.username(), s.encryptedSecret(), folders, s.pollInterval(),
                s.retention(), false, null, null, null, Instant.now());
    }

    /** An IMAP account whose messages are kept in the content store. */
    public AccountSpec imapStoringBodies(String accountId, int port, String login, String password) {
        AccountSpec s = imap(accountId, port, login, password);
        return new AccountSpec(s.accountId(), s.customerId(), s.protocol(), s.host(), s.port(), s.security(),
                s.trustAnyCertificate(), s.username(), s.encryptedSecret(), s.folders(), s.pollInterval(),
                s.retention(), true, null, null, null, Instant.now());
    }

    public AccountSpec pop3(String accountId, int port, String login, String password, Pop3Retention retention) {
        return new AccountSpec(AccountId.of(accountId), "cust-1", AccountSpec.Protocol.POP3, "127.0.0.1", port,
                AccountSpec.Security.NONE, false, login, cipher.encrypt(accountId, password), List.of("INBOX"),
                Duration.ofMillis(500), retention, true, null, null, null, Instant.now());
    }

    public AccountSpec withPassword(AccountSpec spec, String password) {
        return new AccountSpec(spec.accountId(), spec.customerId(), spec.protocol(), spec.host(), spec.port(),
                spec.security(), spec.trustAnyCertificate(), spec.username(), cipher.encrypt(spec.accountId().value(),
                        password),
                spec.folders(), spec.pollInterval(), spec.retention(), spec.storeBodies(), spec.quotaLimitBytes(),
                spec.quotaLimitMessages(), spec.contactAddress(), Instant.now());
    }

    public AccountSpec register(AccountSpec spec) {
        send(spec.accountId().value(), codec.encode(spec));
        return spec;
    }

    public void remove(String accountId) {
        send(accountId, null);
    }

    /** Plays the sync service sending work to the account's owner. */
    public void command(MailCommand command) {
        send(topics.commands(), command.accountId().value(), codec.encode(command));
    }

    /** Any text on any topic: a poison record, as a buggy producer would write it. */
    public void raw(String topic, String key, String value) {
        send(topic, key, value);
    }

    private void send(String key, String value) {
        send(topics.accounts(), key, value);
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
