package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.DiscardDraft;
import io.mailsync.sync.application.SaveDraft;
import io.mailsync.sync.application.TrashMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "drafts", description = "Drafts saved by a device, shared through the mailbox's Drafts folder")
@ApiResponse(responseCode = "400", description = "Bad input: not an RFC 822 message, no device, ...")
@ApiResponse(responseCode = "404", description = "No such account or draft of this customer")
class DraftController {

    private static final String DRAFTS = "/api/v1/accounts/{accountId}/drafts";

    private final SaveDraft save;
    private final DiscardDraft discard;

    DraftController(SaveDraft save, DiscardDraft discard) {
        this.save = save;
        this.discard = discard;
    }

    @PostMapping(path = DRAFTS, consumes = "message/rfc822")
    @Operation(operationId = "createDraft", summary = "Save a new draft (IMAP: APPEND to \\Drafts with \\Draft);"
            + " answers its draftId")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "message/rfc822",
            schema = @Schema(type = "string", format = "binary"), examples = @ExampleObject(ApiExamples.RFC822)))
    @ApiResponse(responseCode = "201", description = "Saved", content = @Content(
            schema = @Schema(implementation = Saved.class), examples = @ExampleObject(ApiExamples.DRAFT)))
    ResponseEntity<Saved> create(JwtAuthenticationToken token, @PathVariable String accountId,
                                 @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                                 @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                                 @RequestBody byte[] rfc822) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Saved.of(accountId, save.save(Callers.of(token), Ids.account(accountId), null, rfc822,
                        Ids.deviceHeader(deviceId))));
    }

    @PutMapping(path = DRAFTS + "/{draftId}", consumes = "message/rfc822")
    @Operation(operationId = "replaceDraft", summary = "Replace a draft with a new version",
            description = "Only the device that created it may. The old version is destroyed, the new one created.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "message/rfc822",
            schema = @Schema(type = "string", format = "binary"), examples = @ExampleObject(ApiExamples.RFC822)))
    @ApiResponse(responseCode = "200", description = "Saved", content = @Content(
            schema = @Schema(implementation = Saved.class), examples = @ExampleObject(ApiExamples.DRAFT)))
    @ApiResponse(responseCode = "409", description = "Another device's draft")
    Saved replace(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String draftId,
                  @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                  @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                  @RequestBody byte[] rfc822) {
        return Saved.of(accountId, save.save(Callers.of(token), Ids.account(accountId), draftId, rfc822,
                Ids.deviceHeader(deviceId)));
    }

    @DeleteMapping(DRAFTS + "/{draftId}")
    @Operation(operationId = "discardDraft", summary = "Discard a draft to Trash; only the device that created it")
    @ApiResponse(responseCode = "200", description = "Moved to Trash", content = @Content(
            schema = @Schema(implementation = TrashController.Trashed.class),
                    examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "409", description = "Another device's draft")
    TrashController.Trashed discard(JwtAuthenticationToken token, @PathVariable String accountId,
                                    @PathVariable String draftId,
                                    @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                                    @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        TrashMessage.Trashed trashed = discard.discard(Callers.of(token), Ids.account(accountId), draftId,
                Ids.deviceHeader(deviceId));
        return TrashController.Trashed.of(accountId, trashed);
    }

    record Saved(String accountId, String draftId, int version, String state, MessageView message) {
        static Saved of(String accountId, SaveDraft.Saved saved) {
            return new Saved(accountId, saved.draftId(), saved.version(), saved.state().text(),
                    MessageView.of(saved.message()));
        }
    }
}
