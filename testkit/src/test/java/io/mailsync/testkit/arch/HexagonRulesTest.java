package io.mailsync.testkit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule in {@link HexagonRules} fails on a small service that breaks it (the planted packages
 * {@code io.mailsync.plant*} in these test sources) and passes on one that doesn't ({@code io.mailsync.archclean}),
 * so no rule can pass because it checks nothing.
 */
class HexagonRulesTest {

    private static final Map<String, ArchRule> RULES = rules();

    /** The planted service, and the rules it must fail: exactly these, no more. */
    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                planted("plantdomain", "domain_imports_no_framework"),
                planted("plantspring", "application_uses_no_spring"),
                planted("plantinside", "inside_knows_no_adapter_or_config"),
                // one adapter can only use another if that one is public: the planted pair breaks both rules
                planted("plantadapters", "adapters_do_not_import_each_other", "adapters_are_package_private"),
                planted("plantconfig", "adapters_do_not_import_config"),
                planted("plantpublic", "adapters_are_package_private"),
                planted("plantmail", "mail_protocol_stays_in_its_adapter"),
                planted("plantkafka", "kafka_stays_in_its_adapter"),
                planted("plantmongo", "mongodb_stays_in_its_adapter"),
                planted("planthttp", "http_stays_in_its_adapter"),
                planted("plantservices", "services_do_not_import_each_other"),
                planted("plantproperties", "properties_are_records_in_config"),
                planted("plantpackageinfo", "every_package_says_its_role"),
                planted("plantusecase", "use_cases_have_one_public_method"),
                planted("plantnaming", "adapters_are_named_for_their_port"),
                planted("plantsize", "files_are_small"),
                planted("plantwideport", "ports_are_narrow"));
    }

    @Test
    void aCleanHexagonPassesEveryRule() {
        assertThat(failing(service("archclean"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("plantedViolations")
    void aPlantedViolationFailsItsRule(String service, Set<String> rules) {
        assertThat(failing(service(service))).isEqualTo(rules);
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        Set<String> planted = plantedViolations()
                .flatMap(arguments -> ((Set<?>) arguments.get()[1]).stream().map(String.class::cast))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(planted).isEqualTo(RULES.keySet());
    }

    @Test
    void aFailureNamesTheClassAndTheReason() {
        assertThat(violation(RULES.get("domain_imports_no_framework"), service("plantdomain")))
                .contains("io.mailsync.plantdomain.domain.Leaky", "org.springframework.util.Assert",
                        "no Spring, Kafka, MongoDB, jakarta.mail or Jackson");
    }

    @Test
    void aFileTooLongIsNamedWithItsLength() {
        assertThat(violation(RULES.get("files_are_small"), service("plantsize")))
                .contains("Sprawling.java (io.mailsync.plantsize.domain.Sprawling) has 259 lines, over 250");
    }

    @Test
    void anAdapterNamedForNoPortNamesThePortsItImplements() {
        assertThat(violation(RULES.get("adapters_are_named_for_their_port"), service("plantnaming")))
                .contains("io.mailsync.plantnaming.adapter.out.mongo.MailboxDocuments implements [MailboxStore]");
    }

    private static Arguments planted(String service, String... rules) {
        return Arguments.of(service, new TreeSet<>(Arrays.asList(rules)));
    }

    private static JavaClasses service(String name) {
        return new ClassFileImporter().importPackages("io.mailsync." + name);
    }

    private static Set<String> failing(JavaClasses classes) {
        return RULES.entrySet().stream().filter(rule -> violation(rule.getValue(), classes) != null)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String violation(ArchRule rule, JavaClasses classes) {
        try {
            rule.check(classes);
            return null;
        } catch (AssertionError failure) {
            return failure.getMessage();
        }
    }

    private static Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new TreeMap<>();
        for (Field field : HexagonRules.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ArchTest.class) && Modifier.isStatic(field.getModifiers())) {
                try {
                    rules.put(field.getName(), (ArchRule) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return rules;
    }
}
