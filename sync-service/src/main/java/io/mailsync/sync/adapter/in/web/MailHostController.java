package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MailHostJson.MailHostList;
import io.mailsync.sync.adapter.in.web.MailHostJson.MailHostRequest;
import io.mailsync.sync.adapter.in.web.MailHostJson.MailHostResponse;
import io.mailsync.sync.application.FindMailHosts;
import io.mailsync.sync.application.RemoveMailHost;
import io.mailsync.sync.application.SaveMailHost;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's mail hosts (issue 22): registered once, referred to by mailboxes as {@code mailHost}. */
@RestController
@RequestMapping("/api/v1/mail-hosts")
@Tag(name = "mail-hosts", description = "The operator's mail hosts (issue 22): address, login mechanism, master"
        + " credential or OAuth client, connection budget; secrets go in and never come out")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such mail host")
class MailHostController {

    private final SaveMailHost save;
    private final FindMailHosts find;
    private final RemoveMailHost remove;

    MailHostController(SaveMailHost save, FindMailHosts find, RemoveMailHost remove) {
        this.save = save;
        this.find = find;
        this.remove = remove;
    }

    /** Creates (201) or replaces (200) the host; a replacement without a secret keeps the stored one. */
    @PutMapping("/{hostId}")
    @Operation(operationId = "putMailHost", summary = "Register (201) or replace (200) a mail host",
            description = "A replacement that names no secret keeps the stored one; it reaches the host's"
            + " mailboxes at once.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.MAIL_HOST_REQUEST)))
    @ApiResponse(responseCode = "200", description = "Replaced", content = @Content(
            schema = @Schema(implementation = MailHostResponse.class),
            examples = @ExampleObject(ApiExamples.MAIL_HOST)))
    @ApiResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "the mail host", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = MailHostResponse.class),
                    examples = @ExampleObject(ApiExamples.MAIL_HOST)))
    ResponseEntity<MailHostResponse> put(JwtAuthenticationToken token,
                                         @Parameter(description = "the mail host's id", example = "isp-imap")
                                         @PathVariable String hostId,
                                         @RequestBody MailHostRequest request) {
        SaveMailHost.Saved saved = save.save(Callers.of(token), request.toCommand(hostId));
        MailHostResponse body = MailHostResponse.of(saved.host());
        return saved.created() ? ResponseEntity.created(URI.create("/api/v1/mail-hosts/" + hostId)).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping
    @Operation(operationId = "listMailHosts", summary = "Every registered mail host (no secrets)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = MailHostList.class), examples = @ExampleObject(ApiExamples.MAIL_HOSTS)))
    MailHostList list(JwtAuthenticationToken token) {
        return new MailHostList(find.find(Callers.of(token), null).stream().map(MailHostResponse::of).toList());
    }

    @GetMapping("/{hostId}")
    @Operation(operationId = "getMailHost", summary = "One mail host (no secrets)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = MailHostResponse.class),
            examples = @ExampleObject(ApiExamples.MAIL_HOST)))
    MailHostResponse get(JwtAuthenticationToken token,
                         @Parameter(description = "the mail host's id", example = "isp-imap")
                         @PathVariable String hostId) {
        return MailHostResponse.of(find.find(Callers.of(token), hostId).getFirst());
    }

    @DeleteMapping("/{hostId}")
    @Operation(operationId = "deleteMailHost", summary = "Remove a mail host no mailbox uses")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "A mailbox still uses this host")
    ResponseEntity<Void> delete(JwtAuthenticationToken token,
                                @Parameter(description = "the mail host's id", example = "isp-imap")
                                @PathVariable String hostId) {
        remove.remove(Callers.of(token), hostId);
        return ResponseEntity.noContent().build();
    }
}
