package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.ChangesView;
import io.mailsync.sync.adapter.in.web.MessageJson.KeywordPatch;
import io.mailsync.sync.adapter.in.web.MessageJson.MessageDetails;
import io.mailsync.sync.adapter.in.web.MessageJson.MessageList;
import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.adapter.in.web.MessageJson.PatchResult;
import io.mailsync.sync.application.GetChanges;
import io.mailsync.sync.application.GetMessage;
import io.mailsync.sync.application.ListMessages;
import io.mailsync.sync.application.ReadRawMessage;
import io.mailsync.sync.application.SearchMessages;
import io.mailsync.sync.application.Caller;
import io.mailsync.sync.application.PersonalView;
import io.mailsync.sync.application.UpdateKeywords;
import io.mailsync.sync.application.UpdatePersonalKeywords;
import io.mailsync.sync.domain.KeywordDelta;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "messages", description = "Messages, their keywords as one read state for every device, and what changed")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account or message of this customer")
class MessageController {

    static final String DEVICE = "X-Device-Id";
    static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final ListMessages list;
    private final GetMessage get;
    private final ReadRawMessage raw;
    private final UpdatePersonalKeywords update;
    private final GetChanges changes;
    private final PersonalView personal;
    private final SearchMessages search;

    MessageController(ListMessages list, GetMessage get, ReadRawMessage raw, UpdatePersonalKeywords update,
                      GetChanges changes, PersonalView personal, SearchMessages search) {
        this.list = list;
        this.search = search;
        this.get = get;
        this.raw = raw;
        this.update = update;
        this.changes = changes;
        this.personal = personal;
    }

    /**
     * One route for the listing and issue 20's search: {@code query} only narrows the same pages (one operation in the
     * public document, so a client sees one listMessages with an optional filter).
     */
    @GetMapping("/messages")
    @Operation(operationId = "listMessages", summary = "Messages, newest received first, a page at a time",
            description = "Ordered by when the mail server received each message, newest first (a large mailbox is"
            + " imported newest first, so its first page is right early and older pages fill in as the import goes"
            + " on). With X-Device-Id, the listed messages count as delivered to that device (not for a search)."
            + " With query, only the messages that match every filter; on IMAP it runs as UID SEARCH on the mail"
            + " server through the mailbox's owner (503 with Retry-After when that does not answer in time).")
    @ApiResponse(responseCode = "200", description = "A page and the state it is at", content = @Content(
            schema = @Schema(implementation = MessageList.class), examples = @ExampleObject(ApiExamples.PAGE)))
    @ApiResponse(responseCode = "503", description = "A search the mail server must answer could not be run now",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
    MessageList list(JwtAuthenticationToken token, @PathVariable String accountId,
                     @Parameter(description = "only this folder", example = "INBOX")
                     @RequestParam(required = false) String folder,
                     @Parameter(description = ApiExamples.SEARCH, example = "from:ann subject:lunch is:unread")
                     @RequestParam(required = false) String query,
                     @Parameter(description = "page size (default 50, at most 500)", example = "50")
                     @RequestParam(required = false) Integer limit,
                     @Parameter(description = "nextCursor of the previous page", example = "r1764496800250.42")
                     @RequestParam(required = false) String cursor,
                     @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                     @RequestHeader(name = DEVICE, required = false) String deviceId) {
        Caller caller = Callers.of(token);
        if (query != null) {
            return MessageList.of(search.search(caller, Ids.account(accountId), query, folder, limit, cursor));
        }
        ListMessages.MessagePage page = list.list(caller, Ids.account(accountId), folder, limit, cursor,
                Ids.deviceHeader(deviceId));
        // issue 23: a person's own $seen on a mailbox with private read state
        return MessageList.of(new ListMessages.MessagePage(page.accountId(), page.state(),
                personal.asSeenBy(caller, Ids.account(accountId), page.messages()), page.nextCursor()));
    }

    @GetMapping("/messages/{messageId}")
    @Operation(operationId = "getMessage", summary = "One message and its per-device delivery and read times")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = MessageDetails.class), examples = @ExampleObject(ApiExamples.DETAILS)))
    MessageDetails get(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId) {
        Caller caller = Callers.of(token);
        GetMessage.Details details = get.get(caller, Ids.account(accountId), messageId);
        return MessageDetails.of(accountId, new GetMessage.Details(personal.asSeenBy(caller, Ids.account(accountId),
                java.util.List.of(details.message())).getFirst(), details.devices()));
    }

    @GetMapping("/messages/{messageId}/raw")
    @Operation(operationId = "getRawMessage", summary = "The message as the mail server has it (message/rfc822)",
            description = "For every message: a body mailsync did not store is fetched from the mail server on demand"
            + " (never marking it read there) and kept a while (issue 20).")
    @ApiResponse(responseCode = "200", description = "The RFC 822 message", content = @Content(
            mediaType = "message/rfc822", schema = @Schema(type = "string", format = "binary"),
            examples = @ExampleObject(ApiExamples.RFC822)))
    @ApiResponse(responseCode = "503", description = "The mailbox cannot be read now: ask again after Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
    ResponseEntity<InputStreamResource> raw(JwtAuthenticationToken token, @PathVariable String accountId,
                                            @PathVariable String messageId) {
        InputStream body = raw.open(Callers.of(token), Ids.account(accountId), messageId);
        return ResponseEntity.ok().contentType(RFC822).body(new InputStreamResource(body));
    }

    @PatchMapping("/messages/{messageId}")
    @Operation(operationId = "updateKeywords", summary = "Change keywords ($seen, $flagged, ...) as a delta",
            description = "Written back to the IMAP server by the fetcher that owns the mailbox."
            + " With If-Match (or baseState) the change applies only if the account is still at that state.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.KEYWORDS)))
    @ApiResponse(responseCode = "200", description = "Changed: the message and the new state", content = @Content(
            schema = @Schema(implementation = PatchResult.class), examples = @ExampleObject(ApiExamples.RESULT)))
    @ApiResponse(responseCode = "409", description = "The message cannot take that change now")
    @ApiResponse(responseCode = "412", description = "The account is no longer at the If-Match state")
    PatchResult patch(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                      @Parameter(description = ApiExamples.DEVICE_ID, example = "dev-9")
                      @RequestHeader(name = DEVICE, required = false) String deviceId,
                      @Parameter(description = "apply only if the account is still at this state (quotes optional)",
                              example = "\"42\"")
                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                      @RequestBody KeywordPatch patch) {
        KeywordDelta delta = KeywordDelta.parse(patch.keywords());
        UpdateKeywords.Result result = update.update(Callers.of(token), Ids.account(accountId), messageId,
                Ids.deviceHeader(deviceId), delta, patch.baseState(),
                ifMatch == null ? null : ifMatch.replace("\"", "").trim());
        return new PatchResult(accountId, result.state().text(), MessageView.of(result.message()));
    }

    @GetMapping("/changes")
    @Operation(operationId = "getChanges", summary = "What changed since a state (RFC 8620 §5.2)",
            description = "May over-report, never under-reports. Without since: everything, from the start.")
    @ApiResponse(responseCode = "200", description = "The changes", content = @Content(
            schema = @Schema(implementation = ChangesView.class), examples = @ExampleObject(ApiExamples.CHANGES)))
    @ApiResponse(responseCode = "410", description = "That state is too old or from before a reset: fetch afresh")
    ChangesView changes(JwtAuthenticationToken token, @PathVariable String accountId,
                        @Parameter(description = "a state from a page, a change set or an event", example = "42")
                        @RequestParam(required = false) String since,
                        @Parameter(description = "at most this many ids", example = "500")
                        @RequestParam(required = false) Integer maxChanges,
                        @Parameter(description = "the calling device: the changes count as acknowledged by it",
                                example = "dev-9")
                        @RequestHeader(name = DEVICE, required = false) String deviceId) {
        return ChangesView.of(changes.since(Callers.of(token), Ids.account(accountId), since, maxChanges,
                Ids.deviceHeader(deviceId)));
    }
}
