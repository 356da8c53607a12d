package io.mailsync.testkit.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "A class over ~250 lines is usually two classes" (STYLE.md; issue 21: no main file over 250 lines). The rules see
 * class files, so the source file is found beside them: {@code <module>/target/classes/<package>/X.class} was
 * compiled from {@code <module>/src/main/java/<package>/<source file>} ({@code test-classes} from
 * {@code src/test/java}). A class read from a jar has no source here and is not measured.
 */
final class SourceFiles {

    static final int MAX_LINES = 250;

    static final ArchCondition<JavaClass> BE_AT_MOST_250_LINES = new ArchCondition<>(
            "be in a source file of at most " + MAX_LINES + " lines") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            source(type).ifPresent(file -> {
                long lines = lines(file);
                events.add(new SimpleConditionEvent(type, lines <= MAX_LINES, file.getFileName() + " ("
                        + type.getName() + ") has " + lines + " lines" + (lines <= MAX_LINES ? "" : ", over "
                        + MAX_LINES)));
            });
        }
    };

    private SourceFiles() {
    }

    static Optional<Path> source(JavaClass type) {
        Optional<Source> source = type.getSource();
        if (source.isEmpty() || source.get().getFileName().isEmpty()
                || !"file".equals(source.get().getUri().getScheme())) {
            return Optional.empty();
        }
        Path classFile = Path.of(source.get().getUri());
        Path packageDir = Path.of(type.getPackageName().replace('.', '/'));
        Path output = classFile.getParent();
        for (int i = 0; i < packageDir.getNameCount() && output != null; i++) {
            output = output.getParent();
        }
        if (output == null || output.getParent() == null || !"target".equals(output.getParent().getFileName() + "")) {
            return Optional.empty();
        }
        String sources = "test-classes".equals(output.getFileName() + "") ? "src/test/java" : "src/main/java";
        Path file = output.getParent().getParent().resolve(sources).resolve(packageDir)
                .resolve(source.get().getFileName().get());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
