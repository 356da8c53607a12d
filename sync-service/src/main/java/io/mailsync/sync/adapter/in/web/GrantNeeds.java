package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.domain.Need;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What each route needs of a shared mailbox (issue 23), beside the token scopes of service-support's
 * {@code ApiScopes}: reading is {@code read}; registering a device {@code manage-devices}; every other change
 * {@code write}; who shares the mailbox, its audit trail, its read-state mode and the account itself only the owner. A route not named
 * here needs the owner, so a new route is closed to grants until someone decides otherwise.
 */
final class GrantNeeds {

    private GrantNeeds() {
    }

    static Need ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return of(request.getMethod(), request.getRequestURI());
        }
        return Need.OWNER;
    }

    static Need of(String method, String path) {
        // "", "api", "v1", "accounts", id, section, ...
        String[] segments = path == null ? new String[0] : path.split("/");
        if (segments.length < 5 || !"accounts".equals(segments[3])) {
            return Need.OWNER;
        }
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        if (segments.length == 5) {
            return reads ? Need.READ : Need.OWNER; // PATCH/DELETE of the account: its owner's (and admin's)
        }
        String section = segments[5].toLowerCase(Locale.ROOT);
        return switch (section) {
            case "grants", "audit" -> Need.OWNER;
            case "read-state" -> reads ? Need.READ : Need.OWNER;
            case "devices" -> reads ? Need.READ : Need.MANAGE_DEVICES;
            default -> reads ? Need.READ : Need.WRITE;
        };
    }
}
