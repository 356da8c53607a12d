package io.mailsync.quota.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.QuotaView;
import io.mailsync.quota.application.ViewQuota;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.Authentication;

/** The quota of one of the caller's accounts; another customer's account is "not found", never "forbidden". */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/quota")
class QuotaController {

    private final ViewQuota viewQuota;

    QuotaController(ViewQuota viewQuota) {
        this.viewQuota = viewQuota;
    }

    @GetMapping
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
