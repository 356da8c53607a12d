package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Written in one pass, the type and version first (issue 18, P2: encoding through a tree was half of the CPU
     * samples of the fetcher's sending in a profiled import).
     */
    public String encode(WireRecord record) {
        WireType wire = wireType(record.getClass());
        return mapper.writeValueAsString(new Written(wire.name(), wire.version(), record));
    }

    public byte[] encodeToBytes(WireRecord record) {
        return encode(record).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Decoded decode(String json) {
        Header header = header(json);
        Class<? extends WireRecord> known = header.known();
        if (known == null) {
            return new Decoded.Unknown(header.type(), header.version());
        }
        return new Decoded.Known(read(json, known, header));
    }

    /**
     * Reads {@code json} as a member of {@code family}; empty for unknown types and other families. A malformed
     * record of any known type fails (a poison record, to the consumer's dead-letter topic).
     */
    public <T extends WireRecord> Optional<T> decode(String json, Class<T> family) {
        return decode(json) instanceof Decoded.Known(WireRecord record) && family.isInstance(record)
                ? Optional.of(family.cast(record))
                : Optional.empty();
    }

    /**
     * The class this build would read {@code json} as, from its type and version alone — empty for a type it does not
     * know or a newer version of one. For a reader that needs no more than the type and the record's key (a count of
     * {@code MessageArrived} per account). JSON that is not a wire record fails.
     */
    public Optional<Class<? extends WireRecord>> knownType(String json) {
        return Optional.ofNullable(header(json).known());
    }

    /**
     * Reads {@code json} only if it is a {@code type} record: for a consumer that wants one type of a topic others
     * own (quota-service's usage samples on mail.events), which leaves every other record — a malformed one too — to
     * the consumer it is for, and skips it after its type (issue 18, P2: binding every {@code MessageArrived} only
     * to drop it). JSON that is not a wire record still fails.
     */
    public <T extends WireRecord> Optional<T> decodeOnly(String json, Class<T> type) {
        Header header = header(json);
        Class<? extends WireRecord> known = header.known();
        if (known == null || !type.isAssignableFrom(known)) {
            return Optional.empty();
        }
        return Optional.of(type.cast(read(json, known, header)));
    }

    private WireRecord read(String json, Class<? extends WireRecord> known, Header header) {
        try {
            return mapper.readValue(json, known);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedRecordException(header.type() + " v" + header.version() + " is malformed: "
                    + rootMessage(e), e);
        }
    }

    /**
     * The record's {@code type} and {@code schemaVersion}, read without reading the rest (issue 18, P2: every
     * consumer parsed every record into a tree first, then bound the tree). They are written first; a record that
     * has them further down is read up to them.
     */
    private Header header(String json) {
        String type = null;
        int version = 1;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("not a wire record: no \"type\" field", null);
            }
            boolean versionRead = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME && (type == null || !versionRead)) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name)) {
                    type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                } else if ("schemaVersion".equals(name)) {
                    version = parser.getValueAsInt(1);
                    versionRead = true;
                }
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw new MalformedRecordException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (type == null) {
            throw new MalformedRecordException("not a wire record: no \"type\" field", null);
        }
        Class<? extends WireRecord> known = BY_NAME.get(type);
        return new Header(type, version, known == null || version > wireType(known).version() ? null : known);
    }

    /** {@code known}: the class this build reads the record as; null when it must skip it. */
    private record Header(String type, int version, Class<? extends WireRecord> known) {
    }

    /** What {@link #encode} writes: the record's own fields after its type and version. */
    @JsonPropertyOrder({"type", "schemaVersion"})
    private record Written(String type, int schemaVersion, @JsonUnwrapped WireRecord record) {
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
