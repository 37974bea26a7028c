package cn.cvp.voucher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of CONVENTIONS.md: the domain knows nothing of HTTP or Kafka; resources do not reach into messaging. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.cvp.voucher");

    @Test
    void theDomainDoesNotDependOnApiOrMessaging() {
        noClasses().that().resideInAPackage("..voucher.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..voucher.api..", "..voucher.messaging..", "..voucher.application..",
                        "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotPublishEventsThemselves() {
        noClasses().that().resideInAPackage("..voucher.api..")
                .should().dependOnClassesThat().resideInAnyPackage("..voucher.messaging..", "cn.cvp.kit.outbox..")
                .check(CLASSES);
    }

    @Test
    void onlyUseCasesOpenTransactionsAndWriteTheOutbox() {
        noClasses().that().resideOutsideOfPackage("..voucher.application..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.outbox.Outbox")
                .check(CLASSES);
    }
}
