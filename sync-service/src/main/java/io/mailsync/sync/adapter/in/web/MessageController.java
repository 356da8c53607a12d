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
import io.mailsync.sync.application.UpdateKeywords;
import io.mailsync.sync.domain.KeywordDelta;
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
class MessageController {

    static final String DEVICE = "X-Device-Id";
    static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final ListMessages list;
    private final GetMessage get;
    private final ReadRawMessage raw;
    private final UpdateKeywords update;
    private final GetChanges changes;

    MessageController(ListMessages list, GetMessage get, ReadRawMessage raw, UpdateKeywords update,
                      GetChanges changes) {
        this.list = list;
        this.get = get;
        this.raw = raw;
        this.update = update;
        this.changes = changes;
    }

    @GetMapping("/messages")
    MessageList list(JwtAuthenticationToken token, @PathVariable String accountId,
                     @RequestParam(required = false) String folder, @RequestParam(required = false) Integer limit,
                     @RequestParam(required = false) String cursor,
                     @RequestHeader(name = DEVICE, required = false) String deviceId) {
        return MessageList.of(list.list(Callers.of(token), accountId, folder, limit, cursor, deviceId));
    }

    @GetMapping("/messages/{messageId}")
    MessageDetails get(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId) {
        return MessageDetails.of(accountId, get.get(Callers.of(token), accountId, messageId));
    }

    @GetMapping("/messages/{messageId}/raw")
    ResponseEntity<InputStreamResource> raw(JwtAuthenticationToken token, @PathVariable String accountId,
                                            @PathVariable String messageId) {
        InputStream body = raw.open(Callers.of(token), accountId, messageId);
        return ResponseEntity.ok().contentType(RFC822).body(new InputStreamResource(body));
    }

    @PatchMapping("/messages/{messageId}")
    PatchResult patch(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String messageId,
                      @RequestHeader(name = DEVICE, required = false) String deviceId,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                      @RequestBody KeywordPatch patch) {
        KeywordDelta delta = KeywordDelta.parse(patch.keywords());
        UpdateKeywords.Result result = update.update(Callers.of(token), accountId, messageId, deviceId, delta,
                patch.baseState(), ifMatch == null ? null : ifMatch.replace("\"", "").trim());
        return new PatchResult(accountId, result.state().text(), MessageView.of(result.message()));
    }

    @GetMapping("/changes")
    ChangesView changes(JwtAuthenticationToken token, @PathVariable String accountId,
                        @RequestParam(required = false) String since,
                        @RequestParam(required = false) Integer maxChanges,
                        @RequestHeader(name = DEVICE, required = false) String deviceId) {
        return ChangesView.of(changes.since(Callers.of(token), accountId, since, maxChanges, deviceId));
    }
}
