package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.TrashMessage;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{id}/messages/{messageId}/trash} (+ {@code X-Device-Id}): a device moves a message to
 * the Trash every device shares (issue 11). 200 with the message (folder Trash) and the new state; a message already
 * in Trash answers the same with no state.
 */
@RestController
class TrashController {

    private final TrashMessage trash;

    TrashController(TrashMessage trash) {
        this.trash = trash;
    }

    @PostMapping("/api/v1/accounts/{accountId}/messages/{messageId}/trash")
    Trashed trash(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                  @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        return Trashed.of(accountId, trash.trash(Callers.of(token), accountId, messageId, deviceId));
    }

    record Trashed(String accountId, String state, MessageView message) {
        static Trashed of(String accountId, TrashMessage.Trashed trashed) {
            return new Trashed(accountId, trashed.state() == null ? null : trashed.state().text(),
                    MessageView.of(trashed.message()));
        }
    }
}
