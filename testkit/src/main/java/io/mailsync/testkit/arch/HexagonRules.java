package io.mailsync.testkit.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.mailsync.testkit.arch.KnownViolations.unlessFrozen;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/**
 * Every rule STYLE.md states about a service's shape, one {@link ArchTest} each (ddd-by-examples/library
 * {@code NoSpringInDomainLogicTest}, buckpal {@code DependencyRuleTests}), so one failure never hides another.
 * A service includes them all:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.mailsync.sync", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
 * }
 * }</pre>
 *
 * The rules name packages by role ({@code io.mailsync.<service>.domain}, ...), so they hold for any service;
 * {@code HexagonRulesTest} plants one violation of each and shows that exactly that rule fails.
 */
public final class HexagonRules {

    static final String DOMAIN = "io.mailsync.*.domain..";
    static final String APPLICATION = "io.mailsync.*.application..";
    static final String ADAPTERS = "io.mailsync.*.adapter..";
    static final String CONFIG = "io.mailsync.*.config..";
    /**
     * Where a service's mail adapters (imap, pop3, smtp) share their MIME reading and session set-up, written once
     * (issue 21): those adapters may import it, and its helpers are public for them. It implements no port.
     */
    static final String SHARED_MIME = "io.mailsync.*.adapter.out.mime..";

    /** An allow-list, as buckpal's: plain Java plus the shared wire vocabulary in mail-events. */
    @ArchTest
    public static final ArchRule domain_imports_no_framework = unlessFrozen("domain_imports_no_framework",
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "io.mailsync.events..")
                    .because("domain/ holds value types and decisions: no Spring, Kafka, MongoDB, jakarta.mail or"
                            + " Jackson (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule application_uses_no_spring = unlessFrozen("application_uses_no_spring",
            noClasses().that().resideInAPackage(APPLICATION)
                    .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                    .because("use cases are plain classes, built in config/ (STYLE.md, issue 21)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule inside_knows_no_adapter_or_config = unlessFrozen("inside_knows_no_adapter_or_config",
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, CONFIG)
                    .because("use cases reach the world through ports in application.port.out; config/ wires them")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule adapters_do_not_import_each_other = unlessFrozen("adapters_do_not_import_each_other",
            slices().matching("io.mailsync.*.adapter.(*).(*)..").namingSlices("adapter $1.$2")
                    .should().notDependOnEachOther()
                    .ignoreDependency(resideInAPackage(ADAPTERS), resideInAPackage(SHARED_MIME))
                    .because("adapters meet only through ports (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule adapters_do_not_import_config = unlessFrozen("adapters_do_not_import_config",
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAPackage(CONFIG)
                    .because("config/ builds adapters, never the other way: an adapter takes its settings as"
                            + " constructor arguments")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule adapters_are_package_private = unlessFrozen("adapters_are_package_private",
            classes().that().resideInAPackage(ADAPTERS).and().areTopLevelClasses()
                    .and().doNotHaveSimpleName("package-info").and().resideOutsideOfPackage(SHARED_MIME)
                    .should().notBePublic()
                    .because("adapters, controllers and listeners are package-private; only ports, use cases and"
                            + " domain types are public (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule mail_protocol_stays_in_its_adapter = unlessFrozen("mail_protocol_stays_in_its_adapter",
            Protocols.onlyIn("a mail protocol library",
                    new String[] {"jakarta.mail..", "org.eclipse.angus..", "com.sun.mail..",
                            "org.springframework.mail.."},
                    "io.mailsync.*.adapter.*.imap..", "io.mailsync.*.adapter.*.pop3..",
                    "io.mailsync.*.adapter.*.smtp..", "io.mailsync.*.adapter.*.mime.."));

    @ArchTest
    public static final ArchRule kafka_stays_in_its_adapter = unlessFrozen("kafka_stays_in_its_adapter",
            Protocols.onlyIn("the Kafka client", new String[] {"org.apache.kafka..", "org.springframework.kafka.."},
                    "io.mailsync.*.adapter.*.kafka.."));

    @ArchTest
    public static final ArchRule mongodb_stays_in_its_adapter = unlessFrozen("mongodb_stays_in_its_adapter",
            Protocols.onlyIn("the MongoDB driver",
                    new String[] {"com.mongodb..", "org.bson..", "org.springframework.data.mongodb.."},
                    "io.mailsync.*.adapter.*.mongo..", "io.mailsync.*.adapter.*.gridfs.."));

    @ArchTest
    public static final ArchRule http_stays_in_its_adapter = unlessFrozen("http_stays_in_its_adapter",
            Protocols.onlyIn("Spring Web or the Servlet API",
                    new String[] {"org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                            "org.springframework.security.web.."},
                    "io.mailsync.*.adapter.in.web..", "io.mailsync.*.adapter.out.http.."));

    @ArchTest
    public static final ArchRule services_do_not_import_each_other = unlessFrozen("services_do_not_import_each_other",
            noClasses().should(ArchConditions.haveAnyDependenciesThat(ServicePackages.intoAnotherService()))
                    .because("services talk through Kafka topics and HTTP; they share only mail-events,"
                            + " service-support and testkit (ADR 0001)"));

    @ArchTest
    public static final ArchRule properties_are_records_in_config = unlessFrozen("properties_are_records_in_config",
            classes().that().areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                    .should().beRecords().andShould().resideInAPackage(CONFIG)
                    .because("one @ConfigurationProperties record per concern, in config/ (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule use_cases_have_one_public_method = unlessFrozen("use_cases_have_one_public_method",
            classes().that().resideInAPackage(APPLICATION).and().resideOutsideOfPackage(PortAdapters.PORTS)
                    .and().areTopLevelClasses().and().arePublic().and().areNotInterfaces().and().areNotRecords()
                    .and().areNotEnums().and().areNotAssignableTo(Throwable.class)
                    .should(UseCases.HAVE_ONE_PUBLIC_METHOD)
                    .because("application/ holds use cases, one public method each, named for what they do"
                            + " (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule adapters_are_named_for_their_port = unlessFrozen("adapters_are_named_for_their_port",
            classes().that().resideInAPackage(ADAPTERS).should(PortAdapters.BE_NAMED_FOR_THEIR_PORT)
                    .because("ports are named for what they do, adapters for technology + port: CursorStore ->"
                            + " MongoCursorStore (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule ports_are_narrow = unlessFrozen("ports_are_narrow",
            classes().that().resideInAPackage(PortAdapters.PORTS).and().areInterfaces().and().areTopLevelClasses()
                    .should(PortAdapters.BE_NARROW)
                    .because("a port with more than ~10 methods is two ports (STYLE.md)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule files_are_small = unlessFrozen("files_are_small",
            classes().that().areTopLevelClasses().should(SourceFiles.BE_AT_MOST_250_LINES)
                    .because("a class over ~250 lines is usually two classes (STYLE.md, issue 21)")
                    .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule every_package_says_its_role = unlessFrozen("every_package_says_its_role",
            all(PackageInfo.PACKAGES).should(PackageInfo.HAVE_A_PACKAGE_INFO)
                    .because("package-info.java states a package's role in one or two sentences (STYLE.md)"));

    private HexagonRules() {
    }
}
