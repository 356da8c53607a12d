package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.adapter.in.web.AccountJson.AccountList;
import io.mailsync.sync.adapter.in.web.AccountJson.AccountResponse;
import io.mailsync.sync.adapter.in.web.AccountJson.CredentialRequest;
import io.mailsync.sync.adapter.in.web.AccountJson.RegisterRequest;
import io.mailsync.sync.application.AccountAccess;
import io.mailsync.sync.application.FindAccounts;
import io.mailsync.sync.application.RegisterAccount;
import io.mailsync.sync.application.RegisterHostedMailbox;
import io.mailsync.sync.application.RemoveAccount;
import io.mailsync.sync.application.ReplaceCredential;
import io.mailsync.sync.domain.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "accounts", description = "A customer's mailboxes: registered by the ISP's provisioning, read by the"
        + " customer")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
class AccountController {

    private final RegisterAccount register;
    private final FindAccounts find;
    private final AccountAccess access;
    private final RemoveAccount remove;
    private final ReplaceCredential credentials;
    private final RegisterHostedMailbox hosted;

    AccountController(RegisterAccount register, FindAccounts find, AccountAccess access, RemoveAccount remove,
                      ReplaceCredential credentials, RegisterHostedMailbox hosted) {
        this.hosted = hosted;
        this.register = register;
        this.find = find;
        this.access = access;
        this.remove = remove;
        this.credentials = credentials;
    }

    @PostMapping
    @Operation(operationId = "registerAccount", summary = "Register a mailbox (provisioning)",
            description = "The password is encrypted at rest and never returned. The host must be a public address on"
                    + " a mail port (110, 143, 993, 995) unless the operator allows it.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.REGISTER)))
    @ApiResponse(responseCode = "201", description = "Registered; Location names the account",
            headers = @Header(name = "Location", description = "the new account", schema = @Schema(type = "string")),
            content = @Content(
            schema = @Schema(implementation = AccountResponse.class), examples = @ExampleObject(ApiExamples.ACCOUNT)))
    @ApiResponse(responseCode = "409", description = "That mailbox is registered already")
    ResponseEntity<AccountResponse> register(JwtAuthenticationToken token, @RequestBody RegisterRequest request) {
        // issue 22: a mailbox on a registered mail host takes its address, security and login from the host
        Account account = request.mailHost() == null ? register.register(Callers.of(token), request.toCommand(), null)
                : hosted.register(Callers.of(token), request.mailHost(), request::toCommandAt);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.accountId()))
                .body(AccountResponse.of(account));
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "The caller's mailboxes with their status (any valid token)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = AccountList.class), examples = @ExampleObject(ApiExamples.ACCOUNTS)))
    AccountList list(JwtAuthenticationToken token,
                     @Parameter(description = "provisioning (accounts.admin) only: that customer's mailboxes",
                             example = "cust-42") @RequestParam(required = false) String customerId) {
        return new AccountList(find.visibleTo(Callers.of(token), customerId).stream().map(AccountResponse::of).toList());
    }

    @GetMapping("/{accountId}")
    @Operation(operationId = "getAccount", summary = "One mailbox and its status (IDLE, POLLING, AUTH_FAILED, ...)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = AccountResponse.class), examples = @ExampleObject(ApiExamples.ACCOUNT)))
    @ApiResponse(responseCode = "404", description = "No such account of this customer")
    AccountResponse get(JwtAuthenticationToken token, @PathVariable String accountId) {
        return AccountResponse.of(access.require(Callers.of(token), Ids.account(accountId)));
    }

    /** Replaces the mailbox's password; the fetcher logs in with it at once (issue 22). */
    @PatchMapping("/{accountId}")
    @Operation(operationId = "replaceAccountPassword", summary = "Replace the mailbox's password (provisioning)",
            description = "The fetcher logs in with it at once; an AUTH_FAILED mailbox"
            + " returns to work with its devices and read state.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.CREDENTIAL)))
    @ApiResponse(responseCode = "200", description = "Replaced", content = @Content(
            schema = @Schema(implementation = AccountResponse.class), examples = @ExampleObject(ApiExamples.ACCOUNT)))
    @ApiResponse(responseCode = "404", description = "No such account")
    AccountResponse replaceCredential(JwtAuthenticationToken token, @PathVariable String accountId,
                                      @RequestBody CredentialRequest request) {
        return AccountResponse.of(credentials.replace(Callers.of(token), Ids.account(accountId), request.password()));
    }

    @DeleteMapping("/{accountId}")
    @Operation(operationId = "removeAccount",
            summary = "Remove a mailbox and what mailsync keeps of it (provisioning)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such account")
    ResponseEntity<Void> delete(JwtAuthenticationToken token, @PathVariable String accountId) {
        remove.remove(Callers.of(token), Ids.account(accountId));
        return ResponseEntity.noContent().build();
    }
}
