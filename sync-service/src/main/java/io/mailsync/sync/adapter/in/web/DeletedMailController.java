package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.ListDeletedMessages;
import io.mailsync.sync.application.RestoreDeletedMessage;
import io.mailsync.sync.domain.DeletedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deleted mail recoverable for the window (issue 11): list, restore; past the window a restore is 410. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/deleted")
class DeletedMailController {

    private final ListDeletedMessages list;
    private final RestoreDeletedMessage restore;
    private final Duration window;

    DeletedMailController(ListDeletedMessages list, RestoreDeletedMessage restore, DeletedMailSettings settings) {
        this.list = list;
        this.restore = restore;
        this.window = settings.window();
    }

    @GetMapping
    DeletedList deleted(JwtAuthenticationToken token, @PathVariable String accountId) {
        return new DeletedList(accountId, window, list.list(Callers.of(token), accountId).stream()
                .map(d -> new DeletedView(MessageView.of(d.message()), d.deletedAt(), d.restorableUntil(window)))
                .toList());
    }

    @PostMapping("/{messageId}/restore")
    RestoredView restore(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                         @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        RestoreDeletedMessage.Restored restored = restore.restore(Callers.of(token), accountId, messageId, deviceId);
        return new RestoredView(accountId, restored.state().text(), MessageView.of(restored.message()));
    }

    record DeletedList(String accountId, Duration window, List<DeletedView> messages) {
    }

    record DeletedView(MessageView message, Instant deletedAt, Instant restorableUntil) {
    }

    record RestoredView(String accountId, String state, MessageView message) {
    }
}
