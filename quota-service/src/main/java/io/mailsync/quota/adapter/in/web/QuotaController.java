package io.mailsync.quota.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.QuotaView;
import io.mailsync.quota.application.ViewQuota;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The quota of one of the caller's accounts; another customer's account is "not found", never "forbidden". */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/quota")
@Tag(name = "quota", description = "Mailbox usage, warning levels and when the mailbox will be full")
class QuotaController {

    /** For the OpenAPI document (issue 19). */
    static final String EXAMPLE = "{\"accountId\":\"acc-1\",\"sampledAt\":\"2026-11-26T08:00:00Z\","
            + "\"resources\":{\"STORAGE\":"
            + "{\"used\":912680550,\"limit\":1073741824,\"percent\":85.0,\"level\":80}},\"currentLevel\":80,"
            + "\"forecastFullAt\":\"2026-12-10T00:00:00Z\",\"lastNotice\":"
            + "{\"id\":\"3f2c1e1a-9d1b-4f7e-8a51-2c3d4e5f6a7b\","
            + "\"kind\":\"LEVEL\",\"resource\":\"STORAGE\",\"level\":80,\"percent\":80.4,"
            + "\"sentAt\":\"2026-11-20T09:00:00Z\"},\"pendingNotices\":0}";

    private final ViewQuota viewQuota;

    QuotaController(ViewQuota viewQuota) {
        this.viewQuota = viewQuota;
    }

    @GetMapping
    @Operation(operationId = "getQuota", summary = "Mailbox usage, warning level, forecast and last notice")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = QuotaResponse.class), examples = @ExampleObject(EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "Not an account id")
    @ApiResponse(responseCode = "404", description = "No such account of this customer")
    QuotaResponse quota(@PathVariable("accountId") String raw, @AuthenticationPrincipal Jwt jwt, Authentication auth) {
        AccountId accountId;
        try {
            accountId = AccountId.of(raw);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "An account id is 1 to " + AccountId.MAX_LENGTH + " characters.");
        }
        boolean admin = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("SCOPE_accounts.admin"::equals);
        QuotaView view = viewQuota.view(accountId, jwt.getSubject(), admin)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No account " + accountId + " is yours."));
        return QuotaResponse.of(view);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
