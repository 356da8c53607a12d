package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.SuggestSpaceSavings.Suggestions;
import io.mailsync.sync.application.SuggestSpaceSavings;
import io.mailsync.sync.domain.FolderUsage;
import io.mailsync.sync.domain.StoredMessage;
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

/**
 * {@code GET /api/v1/accounts/{id}/quota/suggestions}: served here because the messages live here (the gateway
 * routes this one path to sync-service ahead of its {@code quota/**} route). Needs {@code mail.read}: it shows
 * subjects and senders.
 */
@RestController
@Tag(name = "quota")
class SuggestionController {

    private final SuggestSpaceSavings suggestions;

    SuggestionController(SuggestSpaceSavings suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/api/v1/accounts/{accountId}/quota/suggestions")
    @Operation(operationId = "getSpaceSuggestions", summary = "What to delete to free space: the largest and oldest"
            + " messages and the fullest folders")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = SuggestionsView.class),
                    examples = @ExampleObject(ApiExamples.SUGGESTIONS)))
    @ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
    @ApiResponse(responseCode = "404", description = "No such account of this customer")
    SuggestionsView suggestions(JwtAuthenticationToken token, @PathVariable String accountId,
                                @Parameter(description = "how many messages per list", example = "10")
                                @RequestParam(required = false) Integer limit) {
        return SuggestionsView.of(suggestions.suggest(Callers.of(token), Ids.account(accountId), limit));
    }

    record SuggestionsView(String accountId, long messages, long bytes, List<MessageSuggestion> largest,
                           List<MessageSuggestion> oldest, List<FolderSuggestion> folders) {

        static SuggestionsView of(Suggestions s) {
            return new SuggestionsView(s.accountId().value(), s.messages(), s.bytes(),
                    s.largest().stream().map(MessageSuggestion::of).toList(),
                    s.oldest().stream().map(MessageSuggestion::of).toList(),
                    s.folders().stream().map(FolderSuggestion::of).toList());
        }
    }

    /** @param frees the bytes deleting this message frees */
    record MessageSuggestion(String id, String folder, String subject, List<String> from, Instant receivedAt,
                             long size, long frees) {
        static MessageSuggestion of(StoredMessage m) {
            return new MessageSuggestion(m.id().value(), m.folder(), m.envelope().subject(), m.envelope().from(),
                    m.receivedAt(), m.size(), m.size());
        }
    }

    /** @param frees the bytes emptying this folder frees */
    record FolderSuggestion(String folder, long messages, long frees) {
        static FolderSuggestion of(FolderUsage f) {
            return new FolderSuggestion(f.folder(), f.messages(), f.bytes());
        }
    }
}
