package io.mailsync.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;

/**
 * The architecture every service shares (STYLE.md): a hexagon in packages. Each service's
 * {@code ArchitectureTest} checks these rules against its own classes.
 */
public final class ArchRules {

    private static final List<String> SERVICES = List.of("fetcher", "sync", "quota", "gateway", "devstack");

    private ArchRules() {
    }

    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** domain/ holds value types and decisions: no Spring, Kafka, MongoDB, jakarta.mail or Jackson databind. */
    public static ArchRule domainImportsNoFramework(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "jakarta.mail..", "org.eclipse.angus..", "tools.jackson.databind..", "jakarta.persistence..")
                .because("the domain is plain Java (STYLE.md)");
    }

    /** The application layer depends on ports, never on adapters. */
    public static ArchRule applicationDoesNotDependOnAdapters(String basePackage) {
        return noClasses().that().resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".adapter..")
                .because("use cases reach the world through ports in application.port.out");
    }

    /** Adapters don't import each other: adapter/in/kafka knows nothing of adapter/out/mongo. */
    public static ArchRule adaptersDoNotImportEachOther(String basePackage) {
        return SlicesRuleDefinition.slices().matching(basePackage + ".adapter.(*).(*)..")
                .should().notDependOnEachOther()
                .because("adapters meet only through ports");
    }

    /** Services don't import each other; they share only mail-events. */
    public static ArchRule servicesDoNotImportEachOther(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "io.mailsync." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.mailsync." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk through Kafka topics and HTTP, not through each other's classes");
    }

    /** Checks all of the above for one service, e.g. {@code checkService("sync")}. */
    public static void checkService(String service) {
        String base = "io.mailsync." + service;
        JavaClasses classes = importService(base);
        domainImportsNoFramework(base).allowEmptyShould(true).check(classes);
        applicationDoesNotDependOnAdapters(base).allowEmptyShould(true).check(classes);
        adaptersDoNotImportEachOther(base).allowEmptyShould(true).check(classes);
        servicesDoNotImportEachOther(service).allowEmptyShould(true).check(classes);
    }
}
