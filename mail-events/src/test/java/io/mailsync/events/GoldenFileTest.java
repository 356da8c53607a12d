package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format is a contract with every other service and with records already on Kafka: each type's JSON is
 * pinned in {@code src/test/resources/golden}. A change that breaks a golden file is a new schema version.
 * Run with {@code -Dgolden.write=true} once to write the file of a new type.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyTypeMatchesItsGoldenFileBothWays() {
        return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(name(sample), () -> {
            Path file = GOLDEN.resolve(name(sample) + ".json");
            if (Boolean.getBoolean("golden.write")) {
                Files.writeString(file, json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json.readTree(codec.encode(sample))) + "\n");
            }
            String golden = Files.readString(file);
            assertThat(json.readTree(codec.encode(sample))).isEqualTo(json.readTree(golden));
            assertThat(codec.decode(golden)).isEqualTo(new EventCodec.Decoded.Known(sample));
        }));
    }

    @Test
    void everyRegisteredTypeHasAGoldenFile() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(
                    Samples.all().stream().map(s -> name(s) + ".json").toList());
        }
    }

    private static String name(WireRecord sample) {
        WireType wire = EventCodec.wireType(sample.getClass());
        return wire.name() + ".v" + wire.version();
    }
}
