package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountMessages;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.application.port.out.PrivateSeen;

/** Removes a mailbox: a tombstone tells the fetchers first, then its data goes. */
public class RemoveAccount {

    private final AccountAccess access;
    private final AccountStore accounts;
    private final AccountPublisher publisher;
    private final AccountMessages messages;
    private final ChangeLog changeLog;
    private final DeviceStore devices;
    private final AccountCounter counter;
    private final DraftStore drafts;
    private final ContentStore contents;
    private final PrivateSeen privateSeen;

    public RemoveAccount(AccountAccess access, AccountStore accounts, AccountPublisher publisher,
                         AccountMessages messages, ChangeLog changeLog, DeviceStore devices, AccountCounter counter,
                         DraftStore drafts, ContentStore contents, PrivateSeen privateSeen) {
        this.access = access;
        this.accounts = accounts;
        this.publisher = publisher;
        this.messages = messages;
        this.changeLog = changeLog;
        this.devices = devices;
        this.counter = counter;
        this.drafts = drafts;
        this.contents = contents;
        this.privateSeen = privateSeen;
    }

    public void remove(Caller caller, AccountId account) {
        access.require(caller, account);
        try {
            publisher.publishRemoval(account);
        } catch (RuntimeException e) {
            throw new SyncProblems.Unavailable("the removal could not be published; the account is unchanged", e);
        }
        accounts.delete(account);
        // the bodies first: once the messages are gone nothing would lead to them (a customer's mail must not outlive
        // the mailbox's removal)
        messages.contentRefs(account).forEach(contents::delete);
        messages.deleteAccount(account);
        changeLog.deleteAccount(account);
        devices.deleteAccount(account);
        counter.delete(account);
        drafts.deleteAccount(account);
        privateSeen.deleteAccount(account); // issue 23: what each person it was shared with had read
    }
}
