package io.mailsync.sync.adapter.in.web;

import io.mailsync.events.mail.GrantScope;
import io.mailsync.sync.application.ListGrants;
import io.mailsync.sync.application.RevokeGrant;
import io.mailsync.sync.application.ShareMailbox;
import io.mailsync.sync.domain.Grant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Who a mailbox is shared with (issue 23): its owner grants, lists and revokes. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/grants")
@Tag(name = "sharing", description = "A mailbox shared with other people (issue 23): grants, read state, audit")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account of this customer, or not shared with the caller")
class GrantController {

    private final ShareMailbox share;
    private final ListGrants list;
    private final RevokeGrant revoke;

    GrantController(ShareMailbox share, ListGrants list, RevokeGrant revoke) {
        this.share = share;
        this.list = list;
        this.revoke = revoke;
    }

    record GrantRequest(String person, List<String> scopes, String contactAddress) {
    }

    record GrantResponse(String person, List<String> scopes, String contactAddress, Instant grantedAt) {
        static GrantResponse of(Grant grant) {
            return new GrantResponse(grant.person(), List.copyOf(GrantScope.wireNames(grant.scopes())),
                    grant.contactAddress(), grant.grantedAt());
        }
    }

    record GrantList(String accountId, List<GrantResponse> grants) {
    }

    @PostMapping
    @Operation(operationId = "grantAccess", summary = "Share the mailbox with another person (their customer id, a"
            + " token's sub)", description = "Scopes: read, write (keywords, sent mail, drafts, trash, restores),"
            + " manage-devices (register devices of their own). Granting again replaces the grant. contactAddress:"
            + " where they get quota notices too (none: they get none).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.GRANT_REQUEST)))
    @ApiResponse(responseCode = "201", description = "Granted; Location names the grant",
            headers = @Header(name = "Location", description = "the grant", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = GrantResponse.class),
                    examples = @ExampleObject(ApiExamples.GRANT)))
    @ApiResponse(responseCode = "403",
            description = "Only the mailbox's owner may do this (or the token lacks the scope)")
    ResponseEntity<GrantResponse> grant(JwtAuthenticationToken token, @PathVariable String accountId,
                                        @RequestBody GrantRequest request) {
        Grant grant = share.share(Callers.of(token), Ids.account(accountId), request.person(), request.scopes(),
                request.contactAddress());
        URI location = URI.create("/api/v1/accounts/" + UriUtils.encodePathSegment(accountId, "UTF-8") + "/grants/"
                + UriUtils.encodePathSegment(grant.person(), "UTF-8"));
        return ResponseEntity.created(location).body(GrantResponse.of(grant));
    }

    @GetMapping
    @Operation(operationId = "listGrants", summary = "Who the mailbox is shared with")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = GrantList.class), examples = @ExampleObject(ApiExamples.GRANTS)))
    @ApiResponse(responseCode = "403",
            description = "Only the mailbox's owner may do this (or the token lacks the scope)")
    GrantList list(JwtAuthenticationToken token, @PathVariable String accountId) {
        return new GrantList(accountId, list.list(Callers.of(token), Ids.account(accountId)).stream().map(GrantResponse::of)
                .toList());
    }

    @DeleteMapping("/{person}")
    @Operation(operationId = "revokeGrant", summary = "Revoke a person's access: at once they get 404 everywhere and"
            + " their open event streams end (event: revoked)")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "403",
            description = "Only the mailbox's owner may do this (or the token lacks the scope)")
    ResponseEntity<Void> revoke(JwtAuthenticationToken token, @PathVariable String accountId,
                                @Parameter(description = "the person's customer id", example = "cust-77")
                                @PathVariable String person) {
        revoke.revoke(Callers.of(token), Ids.account(accountId), person);
        return ResponseEntity.noContent().build();
    }
}
