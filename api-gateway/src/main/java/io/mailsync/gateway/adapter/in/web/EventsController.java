package io.mailsync.gateway.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.PushHub;
import io.mailsync.gateway.application.settings.PushSettings;
import io.mailsync.gateway.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/accounts/{accountId}/events}: a {@code text/event-stream} of the account's state changes,
 * served by the gateway itself from Kafka (scope and tenant were checked by the security filters). Every event's id is
 * the account's state; a client reconnecting with {@code Last-Event-ID} first hears what it missed ({@code changes}
 * events from sync-service's cursor) or {@code resync} when that state is too old or unknown; a comment line every {@code mailsync.gateway.push.ping-interval} keeps it open. One customer
 * holds at most {@code push.max-streams-per-customer} streams on a replica (issue 16); more answer 429.
 */
@RestController
@Tag(name = "push", description = "Server-sent events of an account's state changes, served by the gateway itself")
class EventsController implements SmartLifecycle {

    private final PushHub hub;
    private final MissedChanges missed;
    private final PushSettings settings;
    private final Set<PushStream> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perCustomer = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gateway-push-ping").daemon().factory());

    EventsController(PushHub hub, MissedChanges missed, PushSettings settings) {
        this.hub = hub;
        this.missed = missed;
        this.settings = settings;
        long every = settings.pingInterval().toMillis();
        pings.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = ApiRoutes.EVENTS_PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamEvents", summary = "Push: a stream of the account's state changes",
            description = "Each event is `event: state`, `id: <state>`; on one, call /changes?since=<your last state>."
                    + " Reconnect with Last-Event-ID to hear what you missed first: `event: changes` (id: the new"
                    + " state, data: the /changes answer since your id, one per page), or `event: resync` (no id)"
                    + " when that state is too old or unknown — fetch afresh. A `: ping` comment comes every 30 s.")
    @ApiResponse(responseCode = "200", description = "The stream; it stays open", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = String.class), examples = {
                    @ExampleObject(name = "state change", value = PushExamples.STATE),
                    @ExampleObject(name = "missed changes", value = PushExamples.CHANGES),
                    @ExampleObject(name = "resync", value = PushExamples.RESYNC)}))
    @ApiResponse(responseCode = "404", description = "No such account of this customer")
    @ApiResponse(responseCode = "429", description = "This customer has as many event streams open on this replica as"
            + " it may (20 by default); close one first", headers = @Header(name = "Retry-After",
            description = "seconds", schema = @Schema(type = "integer")))
    SseEmitter events(@Parameter(description = "the account", example = "acc-1") @PathVariable String accountId,
            @Parameter(description = "the last event id (state) this client heard: the missed changes come first",
                    example = "42")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccountId account;
        try {
            account = AccountId.of(accountId);
        } catch (IllegalArgumentException e) {
            // TenantFilter already answers this for a caller (an id on no account record is not served here)
            Problems.write(request, response, HttpStatus.NOT_FOUND, "no such account");
            return null;
        }
        // the security chain requires sub, so a stream always belongs to a customer (issue 16)
        Caller caller = Callers.current().orElseThrow();
        String customer = caller.customerId();
        String person = caller.isAdmin() ? null : customer; // a revocation cuts off a person, never provisioning
        AtomicInteger streams = perCustomer.computeIfAbsent(customer, c -> new AtomicInteger());
        if (streams.incrementAndGet() > settings.maxStreamsPerCustomer()) {
            release(customer, streams);
            response.setHeader("Retry-After", "30");
            Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "this customer already has "
                    + settings.maxStreamsPerCustomer() + " event streams open; close one first");
            return null;
        }
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        PushStream stream = new PushStream(account, emitter, writers);
        open.add(stream);
        stream.opened();
        PushHub.Subscription subscription;
        if (lastEventId == null || lastEventId.isBlank()) {
            subscription = hub.subscribe(account, person, null, stream);
        } else {
            stream.hold(); // live changes wait behind the missed ones
            subscription = hub.subscribe(account, person, null, stream);
            resume(account, lastEventId.strip(), request.getHeader(HttpHeaders.AUTHORIZATION), stream);
        }
        stream.onClose(() -> {
            subscription.close();
            open.remove(stream);
            release(customer, streams);
        });
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        return emitter;
    }

    /**
     * Replays what the client missed since {@code lastEventId} (issue 19), on this request's thread so the call to
     * sync-service runs as the caller; when sync-service cannot answer, the latest state the gateway knows stands in.
     */
    private void resume(AccountId accountId, String lastEventId, String authorization, PushStream stream) {
        switch (missed.since(accountId, lastEventId, authorization)) {
            case MissedChanges.Missed m -> stream.replayed(m.pages());
            case MissedChanges.Resync r -> stream.resync(r.reason());
            case MissedChanges.Unavailable u -> {
                hub.latest(accountId).filter(state -> !state.equals(lastEventId)).ifPresent(stream::stateAdvanced);
                stream.release();
            }
        }
    }

    /** Streams per customer on this replica; an entry goes when its count is back to zero. */
    private void release(String customer, AtomicInteger streams) {
        if (streams.decrementAndGet() <= 0) {
            perCustomer.remove(customer, streams);
        }
    }

    private void pingAll() {
        open.forEach(stream -> writers.execute(stream::ping));
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown waits for open requests: a stream never ends on
     * its own, and its client reconnects (with {@code Last-Event-ID}) to another replica.
     */
    @Override
    public void stop() {
        running = false;
        open.forEach(PushStream::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void shutdown() {
        pings.shutdownNow();
        open.forEach(PushStream::close);
        writers.shutdownNow();
    }
}
