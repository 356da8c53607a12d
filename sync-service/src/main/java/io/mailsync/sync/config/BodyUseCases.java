package io.mailsync.sync.config;

import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.MessageBodies;
import io.mailsync.sync.application.PopSearch;
import io.mailsync.sync.application.PurgeFetchedBodies;
import io.mailsync.sync.application.ReadAttachment;
import io.mailsync.sync.application.ReadMessageStructure;
import io.mailsync.sync.application.ReadRawMessage;
import io.mailsync.sync.application.SearchMessages;
import io.mailsync.sync.application.SyncSettings;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.FetchedBodies;
import io.mailsync.sync.application.port.out.MailboxOwner;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MimeReader;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 20: reading what a message holds — stored, or fetched on demand from the mail server by its owner — and
 * searching, on the server for IMAP, over what mailsync keeps for POP3.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyProperties.class)
class BodyUseCases {

    @Bean
    MessageBodies messageBodies(ContentStore content, FetchedBodies fetched, MailboxOwner owner,
                                BodyProperties properties, Clock clock) {
        return new MessageBodies(content, fetched, owner, properties.toSettings(), clock);
    }

    @Bean
    ReadRawMessage readRawMessage(AccountAccess access, MessageLookup messages, MessageBodies bodies) {
        return new ReadRawMessage(access, messages, bodies);
    }

    @Bean
    ReadMessageStructure readMessageStructure(ReadRawMessage raw, MimeReader mime) {
        return new ReadMessageStructure(raw, mime);
    }

    @Bean
    ReadAttachment readAttachment(ReadRawMessage raw, MimeReader mime) {
        return new ReadAttachment(raw, mime);
    }

    @Bean
    PopSearch popSearch(MessageLookup messages, MessageBodies bodies, MimeReader mime) {
        return new PopSearch(messages, bodies, mime);
    }

    @Bean
    SearchMessages searchMessages(AccountAccess access, AccountCounter counter, MessageBatches batches,
                                  MailboxOwner owner, PopSearch pop, BodyProperties properties, SyncSettings settings,
                                  Clock clock) {
        return new SearchMessages(access, counter, batches, owner, pop, properties.toSettings(), settings, clock);
    }

    @Bean
    PurgeFetchedBodies purgeFetchedBodies(FetchedBodies fetched, ContentStore content, Clock clock) {
        return new PurgeFetchedBodies(fetched, content, clock);
    }
}
