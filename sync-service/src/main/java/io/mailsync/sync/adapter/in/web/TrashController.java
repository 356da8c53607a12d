package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.TrashMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "messages")
class TrashController {

    private final TrashMessage trash;

    TrashController(TrashMessage trash) {
        this.trash = trash;
    }

    @PostMapping("/api/v1/accounts/{accountId}/messages/{messageId}/trash")
    @Operation(operationId = "trashMessage", summary = "Move a message to the Trash every device shares (IMAP: MOVE to"
            + " \\Trash)", description = "A message already in Trash answers the same, with no state.")
    @ApiResponse(responseCode = "200", description = "In Trash", content = @Content(
            schema = @Schema(implementation = Trashed.class), examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
    @ApiResponse(responseCode = "404", description = "No such account or message of this customer")
    @ApiResponse(responseCode = "409", description = "The message cannot be moved now")
    Trashed trash(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                  @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                  @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId) {
        return Trashed.of(accountId, trash.trash(Callers.of(token), Ids.account(accountId), messageId,
                Ids.deviceHeader(deviceId)));
    }

    record Trashed(String accountId, String state, MessageView message) {
        static Trashed of(String accountId, TrashMessage.Trashed trashed) {
            return new Trashed(accountId, trashed.state() == null ? null : trashed.state().text(),
                    MessageView.of(trashed.message()));
        }
    }
}
