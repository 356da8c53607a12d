package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.AccountJson.AccountList;
import io.mailsync.sync.adapter.in.web.AccountJson.AccountResponse;
import io.mailsync.sync.adapter.in.web.AccountJson.CredentialRequest;
import io.mailsync.sync.adapter.in.web.AccountJson.RegisterRequest;
import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.FindAccounts;
import io.mailsync.sync.application.RegisterAccount;
import io.mailsync.sync.application.RemoveAccount;
import io.mailsync.sync.application.ReplaceCredential;
import io.mailsync.sync.domain.Account;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final RegisterAccount register;
    private final FindAccounts find;
    private final AccountAccess access;
    private final RemoveAccount remove;
    private final ReplaceCredential credentials;

    AccountController(RegisterAccount register, FindAccounts find, AccountAccess access, RemoveAccount remove,
                      ReplaceCredential credentials) {
        this.register = register;
        this.find = find;
        this.access = access;
        this.remove = remove;
        this.credentials = credentials;
    }

    @PostMapping
    ResponseEntity<AccountResponse> register(JwtAuthenticationToken token, @RequestBody RegisterRequest request) {
        Account account = register.register(Callers.of(token), request.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.accountId()))
                .body(AccountResponse.of(account));
    }

    @GetMapping
    AccountList list(JwtAuthenticationToken token, @RequestParam(required = false) String customerId) {
        return new AccountList(find.visibleTo(Callers.of(token), customerId).stream().map(AccountResponse::of).toList());
    }

    @GetMapping("/{accountId}")
    AccountResponse get(JwtAuthenticationToken token, @PathVariable String accountId) {
        return AccountResponse.of(access.require(Callers.of(token), accountId));
    }

    /** Replaces the mailbox's password; the fetcher logs in with it at once (issue 22). */
    @PatchMapping("/{accountId}")
    AccountResponse replaceCredential(JwtAuthenticationToken token, @PathVariable String accountId,
                                      @RequestBody CredentialRequest request) {
        return AccountResponse.of(credentials.replace(Callers.of(token), accountId, request.password()));
    }

    @DeleteMapping("/{accountId}")
    ResponseEntity<Void> delete(JwtAuthenticationToken token, @PathVariable String accountId) {
        remove.remove(Callers.of(token), accountId);
        return ResponseEntity.noContent().build();
    }
}
