package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.MessageJson.MessageView;
import io.mailsync.sync.application.FileSentMessage;
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
class SentMailController {

    private final FileSentMessage file;

    SentMailController(FileSentMessage file) {
        this.file = file;
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/sent", consumes = "message/rfc822")
    ResponseEntity<Filed> sent(JwtAuthenticationToken token, @PathVariable String accountId,
                               @RequestHeader(name = MessageController.DEVICE, required = false) String deviceId,
                               @RequestBody byte[] rfc822) {
        FileSentMessage.Filed filed = file.file(Callers.of(token), accountId, rfc822, deviceId);
        Filed body = new Filed(accountId, filed.state() == null ? null : filed.state().text(),
                MessageView.of(filed.message()));
        return ResponseEntity.status(filed.state() == null ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    record Filed(String accountId, String state, MessageView message) {
    }
}
