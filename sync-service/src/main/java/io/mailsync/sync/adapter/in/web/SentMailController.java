package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.FileSentMessage;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/accounts/{id}/sent} (message/rfc822): a device files a copy of what it sent (issue 11). */
@RestController
@Tag(name = "sent", description = "Copies of what a device sent, filed where every device sees them")
class SentMailController {

    private final FileSentMessage file;

    SentMailController(FileSentMessage file) {
        this.file = file;
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/sent", consumes = "message/rfc822")
    @Operation(operationId = "fileSentMessage", summary = "File a copy of a message the device sent (IMAP: APPEND to"
            + " \\Sent, \\Seen)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "message/rfc822",
            schema = @Schema(type = "string", format = "binary"), examples = @ExampleObject(ApiExamples.RFC822)))
    @ApiResponse(responseCode = "201", description = "Filed", content = @Content(
            schema = @Schema(implementation = Filed.class), examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "200", description = "That Message-ID was filed before: the same message, no state",
            content = @Content(schema = @Schema(implementation = Filed.class),
                    examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "400", description = "Not an RFC 822 message")
    @ApiResponse(responseCode = "404", description = "No such account of this customer")
    ResponseEntity<Filed> sent(JwtAuthenticationToken token, @PathVariable String accountId,
                               @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                               @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                               @RequestBody byte[] rfc822) {
        FileSentMessage.Filed filed = file.file(Callers.of(token), Ids.account(accountId), rfc822,
                Ids.deviceHeader(deviceId));
        Filed body = new Filed(accountId, filed.state() == null ? null : filed.state().text(),
                MessageView.of(filed.message()));
        return ResponseEntity.status(filed.state() == null ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    record Filed(String accountId, String state, MessageView message) {
    }
}
