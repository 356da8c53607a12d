package io.mailsync.sync.application.fake;

import io.mailsync.events.MailCommand;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.SyncState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Publishers that keep what was published, for assertions. */
public final class Recorded implements CommandPublisher, StatePublisher {

    private final List<MailCommand> commands = new CopyOnWriteArrayList<>();
    private final List<SyncState> states = new CopyOnWriteArrayList<>();

    public List<MailCommand> commands() {
        return List.copyOf(commands);
    }

    public List<SyncState> states() {
        return List.copyOf(states);
    }

    private volatile boolean brokerDown;

    /** While down, {@link #send} fails as a producer does when the broker cannot be reached. */
    public void brokerDown(boolean down) {
        brokerDown = down;
    }

    @Override
    public void send(MailCommand command) {
        if (brokerDown) {
            throw new IllegalStateException("broker unreachable (test)");
        }
        commands.add(command);
    }

    private final List<CompletableFuture<Void>> unacknowledged = new CopyOnWriteArrayList<>();
    private volatile boolean slowBroker;

    /** While slow, a dispatched command is recorded but not acknowledged until {@link #acknowledge()}. */
    public void slowBroker(boolean slow) {
        slowBroker = slow;
    }

    public void acknowledge() {
        unacknowledged.forEach(ack -> ack.complete(null));
        unacknowledged.clear();
    }

    @Override
    public CompletionStage<Void> dispatch(MailCommand command) {
        try {
            send(command);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!slowBroker) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        unacknowledged.add(ack);
        return ack;
    }

    @Override
    public void stateAdvanced(AccountId accountId, SyncState state) {
        states.add(state);
    }
}
