package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.RegisterDevice;
import io.mailsync.sync.domain.Device;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeviceController {

    private final RegisterDevice register;

    DeviceController(RegisterDevice register) {
        this.register = register;
    }

    record DeviceRequest(String name) {
    }

    record DeviceResponse(String deviceId, String accountId, String name, Instant registeredAt) {
    }

    @PostMapping("/api/v1/accounts/{accountId}/devices")
    ResponseEntity<DeviceResponse> register(JwtAuthenticationToken token, @PathVariable String accountId,
                                            @RequestBody(required = false) DeviceRequest request) {
        Device device = register.register(Callers.of(token), accountId, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/devices/" + device.deviceId()))
                .body(new DeviceResponse(device.deviceId(), accountId, device.name(), device.registeredAt()));
    }
}
