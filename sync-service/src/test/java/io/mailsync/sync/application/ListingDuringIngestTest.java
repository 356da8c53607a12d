package io.mailsync.sync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.support.MailEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a client that lists an account while a batch of server events is being written must not be handed a
 * state that claims changes the listing does not show — {@code /changes} from that state would then skip them for
 * good (seen in CI: a burst's last "unread" missing from a listing labelled with the burst's final state).
 */
class ListingDuringIngestTest {

    private final Fixture f = new Fixture();
    private final List<ListMessages.MessagePage> seenMidWrite = new ArrayList<>();
    private final ListMessages list = new ListMessages(f.access, f.counter, f.messages, f.devices, f.settings, f.clock);

    @Test
    void aListingTakenWhileABatchWritesItsMessagesIsLabelledWithTheStateBeforeTheBatch() {
        String account = f.imapAccount();
        AccountId id = AccountId.of(account);
        MessageArrived arrived = MailEvents.imapArrived(account, 1, "m1");
        f.applyAll.apply(List.of(arrived));
        String before = f.state(account);

        ApplyMailEvents listedMidWrite = new ApplyMailEvents(f.accounts, new ListingMidWrite(id), f.counter,
                f.changeLog, f.published, f.arrivals, f.apply, f.clock);
        listedMidWrite.apply(List.of(read(account, arrived.locator())));

        ListMessages.MessagePage midWrite = seenMidWrite.getFirst();
        assertThat(midWrite.messages()).singleElement()
                .satisfies(m -> assertThat(m.keywords()).as("not yet written").isEmpty());
        assertThat(midWrite.state().text()).as("the state cannot claim what the page does not show")
                .isEqualTo(before);
        GetChanges.Changes changes = f.getChanges.since(Fixture.OWNER, id, midWrite.state().text(), null, null);
        assertThat(changes.changes().updated()).as("the read is reported from the listing's state")
                .containsExactly(midWrite.messages().getFirst().id().value());
        assertThat(list.list(Fixture.OWNER, id, null, 10, null, null).state()).isEqualTo(changes.newState());
    }

    private static io.mailsync.events.MessageFlagsChanged read(String account, MessageLocator at) {
        return MailEvents.flagsChanged(account, at, Origin.server(), Set.of("$Seen"), Set.of());
    }

    /** The store as a concurrent listing sees it: the listing runs after the batch's log entries, before its writes. */
    private final class ListingMidWrite implements MessageBatches {

        private final AccountId account;

        ListingMidWrite(AccountId account) {
            this.account = account;
        }

        @Override
        public Map<MessageLocator, StoredMessage> findByLocators(AccountId accountId,
                                                                 Collection<MessageLocator> locators) {
            return f.messages.findByLocators(accountId, locators);
        }

        @Override
        public Map<MessageLocator, StoredMessage> findAtOwnLocations(AccountId accountId,
                                                                     Collection<MessageLocator> locators) {
            return f.messages.findAtOwnLocations(accountId, locators);
        }

        @Override
        public Set<String> awaitingAppendAmong(AccountId accountId, Collection<String> messageIdHeaders) {
            return f.messages.awaitingAppendAmong(accountId, messageIdHeaders);
        }

        @Override
        public Set<MessageId> insertAll(List<StoredMessage> messages) {
            return f.messages.insertAll(messages);
        }

        @Override
        public Set<MessageId> applyServerEvents(AccountId accountId, List<ServerEventWrite> writes) {
            seenMidWrite.add(list.list(Fixture.OWNER, account, null, 10, null, null));
            return f.messages.applyServerEvents(accountId, writes);
        }
    }
}
