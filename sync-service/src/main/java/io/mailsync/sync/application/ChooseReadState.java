package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.ReadStateModes;
import io.mailsync.sync.domain.ReadStateMode;

/**
 * A mailbox's owner chooses shared or private read state (issue 23); anyone who may read the mailbox may ask which it
 * is. Switching to private starts every person it is shared with at "nothing read" (their own {@code $seen} is kept
 * from then on); switching back shows everyone the shared one again, their own kept should it be chosen once more.
 */
public class ChooseReadState {

    private final AccountAccess access;
    private final ReadStateModes modes;

    public ChooseReadState(AccountAccess access, ReadStateModes modes) {
        this.access = access;
        this.modes = modes;
    }

    /** {@code mode} null: only asks (needs read); else chooses (needs the owner: the route says so). */
    public ReadStateMode choose(Caller caller, AccountId accountId, String mode) {
        access.require(caller, accountId);
        AccountId account = accountId;
        if (mode == null) {
            return modes.modeOf(account);
        }
        ReadStateMode chosen = ReadStateMode.ofWireName(mode).orElseThrow(() -> new IllegalArgumentException(
                "mode: 'shared' (one read state, the server's) or 'private' (each person their own)"));
        if (!modes.choose(account, chosen)) {
            throw new SyncProblems.NotFound("no account " + accountId);
        }
        return chosen;
    }
}
