package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.GetDevice;
import io.mailsync.sync.application.RegisterDevice;
import io.mailsync.sync.domain.Device;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeviceController {

    private final RegisterDevice register;
    private final GetDevice get;

    DeviceController(RegisterDevice register, GetDevice get) {
        this.register = register;
        this.get = get;
    }

    record DeviceRequest(String name) {
    }

    record DeviceResponse(String deviceId, String accountId, String name, Instant registeredAt,
                          String acknowledgedState) {
        static DeviceResponse of(Device device) {
            return new DeviceResponse(device.deviceId(), device.accountId(), device.name(), device.registeredAt(),
                    device.ackState());
        }
    }

    @GetMapping("/api/v1/accounts/{accountId}/devices/{deviceId}")
    DeviceResponse get(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String deviceId) {
        return DeviceResponse.of(get.get(Callers.of(token), accountId, deviceId));
    }

    @PostMapping("/api/v1/accounts/{accountId}/devices")
    ResponseEntity<DeviceResponse> register(JwtAuthenticationToken token, @PathVariable String accountId,
                                            @RequestBody(required = false) DeviceRequest request) {
        Device device = register.register(Callers.of(token), accountId, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/devices/" + device.deviceId()))
                .body(DeviceResponse.of(device));
    }
}
