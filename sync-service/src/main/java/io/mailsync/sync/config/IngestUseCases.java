package io.mailsync.sync.config;

import io.mailsync.sync.application.ApplyMailEvent;
import io.mailsync.sync.application.ApplyMailEvents;
import io.mailsync.sync.application.MessageChanges;
import io.mailsync.sync.application.StoreArrivedMessage;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.FolderResets;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.ServerChanges;
import io.mailsync.sync.application.port.out.StatePublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds what applies {@code mail.events} to the canonical state, and the change stamping every writer shares. */
@Configuration(proxyBeanMethods = false)
class IngestUseCases {

    @Bean
    MessageChanges messageChanges(AccountCounter counter, ChangeLog changeLog, StatePublisher statePublisher,
                                  Clock clock) {
        return new MessageChanges(counter, changeLog, statePublisher, clock);
    }

    @Bean
    StoreArrivedMessage storeArrivedMessage(MessageLookup messages, MessageFiling filing, FolderResets resets,
                                            MessageChanges changes, CommandPublisher commands, Clock clock) {
        return new StoreArrivedMessage(messages, filing, resets, changes, commands, clock);
    }

    @Bean
    ApplyMailEvent applyMailEvent(AccountStore accounts, MessageLookup messages, ServerChanges server,
                                  MessageDestruction destruction, AccountCounter counter, MessageChanges changes,
                                  StoreArrivedMessage arrivals) {
        return new ApplyMailEvent(accounts, messages, server, destruction, counter, changes, arrivals);
    }

    @Bean
    ApplyMailEvents applyMailEvents(AccountStore accounts, MessageBatches messages, AccountCounter counter,
                                    ChangeLog changeLog, StatePublisher statePublisher, StoreArrivedMessage arrivals,
                                    ApplyMailEvent single, Clock clock) {
        return new ApplyMailEvents(accounts, messages, counter, changeLog, statePublisher, arrivals, single, clock);
    }
}
