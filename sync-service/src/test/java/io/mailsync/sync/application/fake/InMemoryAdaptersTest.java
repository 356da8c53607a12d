package io.mailsync.sync.application.fake;

import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountCounterContract;
import io.mailsync.testkit.SettableClock;
import io.mailsync.sync.application.port.out.MessagePortsContract;
import org.junit.jupiter.api.Nested;

/** The fakes the use-case tests run on keep the same contracts as the MongoDB adapters. */
class InMemoryAdaptersTest {

    @Nested
    class Counter implements AccountCounterContract {
        private final SettableClock clock = SettableClock.systemTime();
        private final InMemoryAccountCounter counter = new InMemoryAccountCounter(clock);

        @Override
        public AccountCounter counter() {
            return counter;
        }

        @Override
        public SettableClock clock() {
            return clock;
        }
    }

    @Nested
    class Messages implements MessagePortsContract {
        private final InMemoryMessageStore messages = new InMemoryMessageStore();

        @Override
        public MessagePorts messages() {
            return new MessagePorts(messages, messages, messages, messages, messages, messages, messages);
        }
    }
}
