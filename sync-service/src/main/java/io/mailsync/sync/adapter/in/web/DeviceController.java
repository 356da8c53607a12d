package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.GetDevice;
import io.mailsync.sync.application.RegisterDevice;
import io.mailsync.sync.domain.Device;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "devices", description = "A customer's devices: each has its own delivery and read record")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account or device of this customer")
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
            return new DeviceResponse(device.deviceId().value(), device.accountId().value(), device.name(), device.registeredAt(),
                    device.ackState());
        }
    }

    @GetMapping("/api/v1/accounts/{accountId}/devices/{deviceId}")
    @Operation(operationId = "getDevice", summary = "One device and the state it last acknowledged")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = DeviceResponse.class), examples = @ExampleObject(ApiExamples.DEVICE)))
    DeviceResponse get(JwtAuthenticationToken token, @PathVariable String accountId, @PathVariable String deviceId) {
        return DeviceResponse.of(get.get(Callers.of(token), Ids.account(accountId), Ids.device(deviceId)));
    }

    @PostMapping("/api/v1/accounts/{accountId}/devices")
    @Operation(operationId = "registerDevice", summary = "Register a device; send its id as X-Device-Id")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            ApiExamples.DEVICE_REQUEST)))
    @ApiResponse(responseCode = "201", description = "Registered; Location names the device",
            headers = @Header(name = "Location", description = "the new device", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = DeviceResponse.class),
                    examples = @ExampleObject(ApiExamples.DEVICE)))
    ResponseEntity<DeviceResponse> register(JwtAuthenticationToken token, @PathVariable String accountId,
                                            @RequestBody(required = false) DeviceRequest request) {
        Device device = register.register(Callers.of(token), Ids.account(accountId),
                request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/devices/" + device.deviceId()))
                .body(DeviceResponse.of(device));
    }
}
