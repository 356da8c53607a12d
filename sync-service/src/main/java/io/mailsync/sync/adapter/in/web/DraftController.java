package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.DiscardDraft;
import io.mailsync.sync.application.SaveDraft;
import io.mailsync.sync.application.TrashMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drafts (issue 11), message/rfc822 with {@code X-Device-Id}: {@code POST .../drafts} creates one (201, its
 * {@code draftId}), {@code PUT .../drafts/{draftId}} saves a new version (200), {@code DELETE} discards it to Trash
 * (200). Only the device that created a draft may replace or discard it (409 problem otherwise).
 */
@RestController
class DraftController {

    private static final String DRAFTS = "/api/v1/accounts/{accountId}/drafts";

    private final SaveDraft save;
    private final DiscardDraft discard;

    DraftController(SaveDraft save, DiscardDraft discard) {
        this.save = save;
        this.discard = discard;
    }

    @PostMapping(path = DRAFTS, consumes = "message/rfc822")
    ResponseEntity<Saved> create(JwtAuthenticationToken token, @PathVariable String accountId,
                                 @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                                 @RequestBody byte[] rfc822) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Saved.of(accountId, save.save(Callers.of(token), accountId, null, rfc822, deviceId)));
    }

    @PutMapping(path = DRAFTS + "/{draftId}", consumes = "message/rfc822")
    Saved replace(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String draftId,
                  @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                  @RequestBody byte[] rfc822) {
        return Saved.of(accountId, save.save(Callers.of(token), accountId, draftId, rfc822, deviceId));
    }

    @DeleteMapping(DRAFTS + "/{draftId}")
    TrashController.Trashed discard(JwtAuthenticationToken token, @PathVariable String accountId,
                                    @PathVariable String draftId,
                                    @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        TrashMessage.Trashed trashed = discard.discard(Callers.of(token), accountId, draftId, deviceId);
        return TrashController.Trashed.of(accountId, trashed);
    }

    record Saved(String accountId, String draftId, int version, String state, MessageView message) {
        static Saved of(String accountId, SaveDraft.Saved saved) {
            return new Saved(accountId, saved.draftId(), saved.version(), saved.state().text(),
                    MessageView.of(saved.message()));
        }
    }
}
