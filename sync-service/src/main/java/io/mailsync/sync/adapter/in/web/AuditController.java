package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.ReadAuditTrail;
import io.mailsync.sync.domain.ChangeEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/accounts/{id}/audit?after=&limit=}: who changed what, for the mailbox's owner (issue 23). */
@RestController
@Tag(name = "sharing", description = "A mailbox shared with other people (issue 23): grants, read state, audit")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account of this customer, or not shared with the caller")
class AuditController {

    private final ReadAuditTrail trail;

    AuditController(ReadAuditTrail trail) {
        this.trail = trail;
    }

    record AuditEntry(long modseq, Instant at, String messageId, String change, String person, String device,
                      boolean personal) {
        static AuditEntry of(ChangeEntry e) {
            return new AuditEntry(e.modseq(), e.at(), e.messageId(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                    e.person(), e.device(), e.personal());
        }
    }

    record AuditTrail(String accountId, List<AuditEntry> entries, Long next) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/audit")
    @Operation(operationId = "getAuditTrail", summary = "Who changed what: the change log with each change's person"
            + " and device, oldest first, a page at a time")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = AuditTrail.class), examples = @ExampleObject(ApiExamples.AUDIT)))
    @ApiResponse(responseCode = "403",
            description = "Only the mailbox's owner may do this (or the token lacks the scope)")
    AuditTrail audit(JwtAuthenticationToken token, @PathVariable String accountId,
                     @Parameter(description = "the modseq to continue after (next of a page)", example = "42")
                     @RequestParam(required = false) Long after,
                     @Parameter(description = "entries per page, 1 to 500", example = "100")
                     @RequestParam(required = false) Integer limit) {
        ReadAuditTrail.Trail read = trail.read(Callers.of(token), Ids.account(accountId), after, limit);
        return new AuditTrail(read.accountId(), read.entries().stream().map(AuditEntry::of).toList(), read.next());
    }
}
