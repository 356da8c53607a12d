package io.mailsync.archclean.adapter.in.kafka;

import io.mailsync.archclean.application.CountMail;
import org.apache.kafka.clients.consumer.ConsumerRecord;

class MailboxListener {

    private final CountMail countMail;

    MailboxListener(CountMail countMail) {
        this.countMail = countMail;
    }

    int on(ConsumerRecord<String, String> record) {
        return countMail.count(record.key());
    }
}
