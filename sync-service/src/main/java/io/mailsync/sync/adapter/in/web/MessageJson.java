package io.mailsync.sync.adapter.in.web;

import io.mailsync.events.mail.Envelope;
import io.mailsync.sync.application.GetChanges;
import io.mailsync.sync.application.GetMessage;
import io.mailsync.sync.application.ListMessages;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Response and request bodies of the message endpoints (ADR 0001 shapes; keywords as a JMAP map). */
final class MessageJson {

    private MessageJson() {
    }

    record MessageView(String id, String folder, String messageIdHeader, List<String> from, List<String> to,
                       List<String> cc, String subject, Instant sentAt, Instant receivedAt, long size,
                       Map<String, Boolean> keywords) {

        static MessageView of(StoredMessage m) {
            Map<String, Boolean> keywords = new TreeMap<>();
            m.keywords().forEach(k -> keywords.put(k.value(), true));
            Envelope e = m.envelope();
            return new MessageView(m.id().value(), m.folder(), e.messageIdHeader(), e.from(), e.to(), e.cc(), e.subject(),
                    e.sentAt(), m.receivedAt(), m.size(), keywords);
        }
    }

    record MessageList(String accountId, String state, List<MessageView> messages, String nextCursor) {

        static MessageList of(ListMessages.MessagePage page) {
            return new MessageList(page.accountId().value(), page.state().text(),
                    page.messages().stream().map(MessageView::of).toList(), page.nextCursor());
        }
    }

    record MessageDetails(String accountId, MessageView message, List<DeviceView> devices) {

        static MessageDetails of(String accountId, GetMessage.Details details) {
            return new MessageDetails(accountId, MessageView.of(details.message()),
                    details.devices().stream().map(DeviceView::of).toList());
        }
    }

    record DeviceView(String deviceId, Instant deliveredAt, Instant readAt) {
        static DeviceView of(DeviceStore.DeviceRecord r) {
            return new DeviceView(r.deviceId().value(), r.deliveredAt(), r.readAt());
        }
    }

    /** {@code {"keywords": {"$seen": true}, "baseState": "<state the device last synced>"}}. */
    record KeywordPatch(Map<String, Boolean> keywords, String baseState) {
    }

    record PatchResult(String accountId, String state, MessageView message) {
    }

    record ChangesView(String accountId, String oldState, String newState, boolean hasMoreChanges,
                       List<String> created, List<String> updated, List<String> destroyed) {

        static ChangesView of(GetChanges.Changes c) {
            return new ChangesView(c.accountId().value(), c.oldState().text(), c.newState().text(),
                    c.changes().hasMoreChanges(), c.changes().created(), c.changes().updated(),
                    c.changes().destroyed());
        }
    }
}
