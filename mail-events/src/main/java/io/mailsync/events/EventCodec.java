package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads every wire record as JSON with its stable {@code type} and {@code schemaVersion} first.
 * Reading is forward compatible: unknown fields are ignored, and an unknown type (or a newer, breaking version of
 * a known one) is reported as {@link Decoded.Unknown} for the consumer to skip — never as an error.
 */
public final class EventCodec {

    private static final List<Class<? extends WireRecord>> TYPES = List.of(
            MessageArrived.class, MessageFlagsChanged.class, MessageExpunged.class, FolderReset.class,
            MailboxUsageSampled.class, AccountStatusChanged.class, AccountSpec.class, SetFlags.class,
            DeleteFromServer.class, QuotaLevelCrossed.class, QuotaForecastWarning.class, AccountStateAdvanced.class,
            AppendMessage.class, MoveMessage.class,
            FetchMessageBody.class, MessageBodyFetched.class, SearchMailbox.class, MailboxSearched.class);

    private static final Map<String, Class<? extends WireRecord>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(type -> wireType(type).name(), Function.identity()));

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** The outcome of reading a record: a type this build knows, or one it must skip. */
    public sealed interface Decoded {
        record Known(WireRecord record) implements Decoded {
        }

        record Unknown(String type, int schemaVersion) implements Decoded {
        }
    }

    public static WireType wireType(Class<?> type) {
        WireType wire = type.getAnnotation(WireType.class);
        if (wire == null) {
            throw new IllegalArgumentException(type.getName() + " is not a wire record (no @WireType)");
        }
        return wire;
    }

    public String encode(WireRecord record) {
        WireType wire = wireType(record.getClass());
        ObjectNode node = mapper.createObjectNode();
        node.put("type", wire.name());
        node.put("schemaVersion", wire.version());
        node.setAll((ObjectNode) mapper.valueToTree(record));
        return mapper.writeValueAsString(node);
    }

    public byte[] encodeToBytes(WireRecord record) {
        return encode(record).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Decoded decode(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedRecordException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new MalformedRecordException("not a wire record: no \"type\" field", null);
        }
        String type = node.get("type").asString();
        int version = node.path("schemaVersion").asInt(1);
        Class<? extends WireRecord> known = BY_NAME.get(type);
        if (known == null || version > wireType(known).version()) {
            return new Decoded.Unknown(type, version);
        }
        try {
            return new Decoded.Known(mapper.treeToValue(node, known));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedRecordException(type + " v" + version + " is malformed: " + rootMessage(e), e);
        }
    }

    /** Reads {@code json} as a member of {@code family}; empty for unknown types and other families. */
    public <T extends WireRecord> Optional<T> decode(String json, Class<T> family) {
        return decode(json) instanceof Decoded.Known(WireRecord record) && family.isInstance(record)
                ? Optional.of(family.cast(record))
                : Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
