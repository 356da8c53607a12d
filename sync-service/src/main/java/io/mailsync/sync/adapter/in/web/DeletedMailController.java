package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.DeletedMailSettings;
import io.mailsync.sync.application.ListDeletedMessages;
import io.mailsync.sync.application.RestoreDeletedMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "deleted", description = "Deleted mail, restorable for a window (14 days by default)")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account or deleted message of this customer")
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
    @Operation(operationId = "listDeletedMessages", summary = "Deleted messages still restorable, most recent first")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = DeletedList.class), examples = @ExampleObject(ApiExamples.DELETED)))
    DeletedList deleted(JwtAuthenticationToken token, @PathVariable String accountId) {
        return new DeletedList(accountId, window, list.list(Callers.of(token), Ids.account(accountId)).stream()
                .map(d -> new DeletedView(MessageView.of(d.message()), d.deletedAt(), d.restorableUntil(window)))
                .toList());
    }

    @PostMapping("/{messageId}/restore")
    @Operation(operationId = "restoreDeletedMessage", summary = "Restore a deleted message for every device (IMAP:"
            + " APPEND back)")
    @ApiResponse(responseCode = "200", description = "Restored", content = @Content(
            schema = @Schema(implementation = RestoredView.class), examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "409", description = "It cannot be restored now")
    @ApiResponse(responseCode = "410", description = "Past the window: gone for good")
    RestoredView restore(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                         @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                         @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        RestoreDeletedMessage.Restored restored = restore.restore(Callers.of(token), Ids.account(accountId), messageId,
                Ids.deviceHeader(deviceId));
        return new RestoredView(accountId, restored.state().text(), MessageView.of(restored.message()));
    }

    record DeletedList(String accountId, Duration window, List<DeletedView> messages) {
    }

    record DeletedView(MessageView message, Instant deletedAt, Instant restorableUntil) {
    }

    record RestoredView(String accountId, String state, MessageView message) {
    }
}
