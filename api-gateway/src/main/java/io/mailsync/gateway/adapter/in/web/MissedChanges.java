package io.mailsync.gateway.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.settings.DownstreamSettings;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a push client resuming with {@code Last-Event-ID} missed (issue 19): sync-service's changes-since cursor
 * (RFC 8620 §5.2) from that state, asked with the caller's own token through {@link DownstreamGuard} like any
 * proxied {@code /changes} call, page by page up to {@link #MAX_PAGES}.
 */
@Component
class MissedChanges {

    private static final Logger log = LoggerFactory.getLogger(MissedChanges.class);
    /** More than this many pages missed: the client is better off fetching afresh. */
    static final int MAX_PAGES = 10;
    private static final String CHANGES = "/api/v1/accounts/{accountId}/changes?since={since}";

    /** One page of sync-service's answer: its {@code newState} is the event id, its JSON the event data. */
    record Page(String newState, String json) {
    }

    /** The outcome of a resume. */
    sealed interface Replay {
    }

    /** Every missed change, oldest first (none when the client was up to date). */
    record Missed(List<Page> pages) implements Replay {
    }

    /** The state cannot be caught up from (unknown, too old, before a reset): the client fetches afresh. */
    record Resync(String reason) implements Replay {
    }

    /** sync-service could not answer now; the stream goes on from the latest state the gateway knows. */
    record Unavailable() implements Replay {
    }

    private final DownstreamGuard guard;
    private final RestClient sync;
    private final JsonMapper json = JsonMapper.builder().build();

    MissedChanges(DownstreamSettings downstream, DownstreamGuard guard) {
        this.guard = guard;
        this.sync = RestClient.builder().baseUrl(downstream.syncUri().toString())
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .connectTimeout(downstream.timeout()).build()))
                .build();
    }

    Replay since(AccountId accountId, String lastEventId, String authorization) {
        List<Page> pages = new ArrayList<>();
        String since = lastEventId;
        for (int page = 0; page < MAX_PAGES; page++) {
            AtomicReference<ResponseEntity<String>> answer = new AtomicReference<>();
            String path = "/api/v1/accounts/" + accountId + "/changes";
            String from = since;
            ServerResponse guarded = guard.call(ApiRoutes.SYNC, path, () -> {
                ResponseEntity<String> got = sync.get().uri(CHANGES, accountId.value(), from)
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .retrieve().onStatus(status -> true, (request, response) -> { })
                        .toEntity(String.class);
                answer.set(got);
                return ServerResponse.status(got.getStatusCode()).build();
            });
            int status = guarded.statusCode().value();
            if (status == HttpStatus.GONE.value() || status == HttpStatus.BAD_REQUEST.value()) {
                return new Resync(status == 410 ? "state " + lastEventId + " is too old to catch up from"
                        : "state " + lastEventId + " is not one of this account's");
            }
            if (!guarded.statusCode().is2xxSuccessful() || answer.get() == null || answer.get().getBody() == null) {
                log.info("push resume for {}: sync-service answered {}", accountId, status);
                return new Unavailable();
            }
            try {
                JsonNode body = json.readTree(answer.get().getBody());
                String newState = body.path("newState").asString("");
                if (newState.isEmpty()) {
                    log.warn("push resume for {}: sync-service's changes name no newState", accountId);
                    return new Unavailable();
                }
                if (!newState.equals(since)) {
                    pages.add(new Page(newState, json.writeValueAsString(body)));
                }
                if (!body.path("hasMoreChanges").asBoolean(false)) {
                    return new Missed(pages);
                }
                since = newState;
            } catch (JacksonException e) {
                log.warn("push resume for {}: unreadable changes from sync-service", accountId);
                return new Unavailable();
            }
        }
        return new Resync("more than " + MAX_PAGES + " pages of changes were missed");
    }
}
