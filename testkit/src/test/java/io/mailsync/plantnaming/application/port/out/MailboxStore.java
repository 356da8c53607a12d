package io.mailsync.plantnaming.application.port.out;

public interface MailboxStore {

    int count(String accountId);
}
