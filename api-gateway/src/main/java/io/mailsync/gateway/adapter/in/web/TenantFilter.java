package io.mailsync.gateway.adapter.in.web;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.CheckAccountAccess;
import io.mailsync.gateway.application.CheckStreamAccess;
import io.mailsync.gateway.domain.AccountAccess;
import io.mailsync.gateway.domain.ApiPath;
import io.mailsync.gateway.domain.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Tenant isolation before routing: another customer's account answers 404 (ADR 0001). An account the gateway has
 * not seen yet goes on to the service, which checks the same token against its own registry — except push, which
 * the gateway serves itself and so only serves for accounts it knows.
 */
class TenantFilter extends OncePerRequestFilter {

    private final CheckAccountAccess access;
    private final CheckStreamAccess streams;

    TenantFilter(CheckAccountAccess access, CheckStreamAccess streams) {
        this.access = access;
        this.streams = streams;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Optional<String> accountId;
        try {
            // the services decode the path segment, so the gateway decides on the decoded id too
            accountId = ApiPath.accountId(path).map(id -> UriUtils.decode(id, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, "the account id in the path is not valid");
            return;
        }
        Optional<Caller> caller = Callers.current();
        if (accountId.isPresent() && caller.isPresent()) {
            // an id that cannot be an AccountId is on no account record: unverified, for the service to refuse
            AccountAccess decision = accountId.flatMap(TenantFilter::named)
                    .map(id -> access.check(caller.get(), id)).orElse(AccountAccess.UNVERIFIED);
            boolean servedHere = "events".equals(ApiPath.route(path));
            if (decision == AccountAccess.HIDDEN || (servedHere && decision == AccountAccess.UNVERIFIED)) {
                Problems.write(request, response, HttpStatus.NOT_FOUND, "no such account");
                return;
            }
            if (servedHere && !accountId.flatMap(TenantFilter::named).map(id -> streams.mayRead(caller.get(), id))
                    .orElse(false)) {
                // shared with the caller, but not to read (issue 23): the service's answer for a missing scope
                Problems.write(request, response, HttpStatus.FORBIDDEN, "your access to this account does not include read");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Optional<AccountId> named(String accountId) {
        try {
            return Optional.of(AccountId.of(accountId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
