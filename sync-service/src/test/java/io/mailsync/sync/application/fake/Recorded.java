package io.mailsync.sync.application.fake;

import io.mailsync.events.MailCommand;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.SyncState;
import java.util.List;
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

    @Override
    public void stateAdvanced(AccountId accountId, SyncState state) {
        states.add(state);
    }
}
