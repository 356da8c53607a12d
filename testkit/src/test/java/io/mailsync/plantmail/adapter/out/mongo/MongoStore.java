package io.mailsync.plantmail.adapter.out.mongo;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

class MongoStore {

    String subject(Message message) throws MessagingException {
        return message.getSubject();
    }
}
