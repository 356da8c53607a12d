package io.mailsync.archclean.adapter.in.web;

import io.mailsync.archclean.application.CountMail;
import org.springframework.http.ResponseEntity;

class MailboxController {

    private final CountMail countMail;

    MailboxController(CountMail countMail) {
        this.countMail = countMail;
    }

    ResponseEntity<Integer> count(String accountId) {
        return ResponseEntity.ok(countMail.count(accountId));
    }
}
