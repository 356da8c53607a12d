package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.ChooseReadState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/v1/accounts/{id}/read-state}: shared or private read state (issue 23). */
@RestController
@Tag(name = "sharing", description = "A mailbox shared with other people (issue 23): grants, read state, audit")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account of this customer, or not shared with the caller")
class ReadStateController {

    private static final String PATH = "/api/v1/accounts/{accountId}/read-state";

    private final ChooseReadState choose;

    ReadStateController(ChooseReadState choose) {
        this.choose = choose;
    }

    record ReadState(String accountId, String mode) {
    }

    record ReadStateRequest(String mode) {
    }

    @GetMapping(PATH)
    @Operation(operationId = "getReadState", summary = "Whether the mailbox keeps one read state (shared: the"
            + " server's \\Seen) or one per person (private)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = ReadState.class), examples = @ExampleObject(ApiExamples.READ_STATE)))
    ReadState get(JwtAuthenticationToken token, @PathVariable String accountId) {
        return new ReadState(accountId, choose.choose(Callers.of(token), Ids.account(accountId), null).wireName());
    }

    @PutMapping(PATH)
    @Operation(operationId = "setReadState", summary = "Choose shared or private read state",
            description = "Private: each person it is shared with keeps their own $seen (their /changes alone"
            + " reports it); other keywords stay shared; the server's \\Seen follows the owner only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.READ_STATE_REQUEST)))
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = ReadState.class), examples = @ExampleObject(ApiExamples.READ_STATE)))
    @ApiResponse(responseCode = "403",
            description = "Only the mailbox's owner may do this (or the token lacks the scope)")
    ReadState put(JwtAuthenticationToken token, @PathVariable String accountId,
                  @RequestBody ReadStateRequest request) {
        if (request == null || request.mode() == null) {
            throw new IllegalArgumentException("mode: 'shared' or 'private'");
        }
        return new ReadState(accountId, choose.choose(Callers.of(token), Ids.account(accountId), request.mode()).wireName());
    }
}
