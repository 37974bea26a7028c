package cn.cvp.voucher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering by context: the domain knows nothing of HTTP or Kafka; use cases know no edge. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.cvp.voucher");

    @Test
    void theDomainDoesNotDependOnApiOrMessaging() {
        noClasses().that().resideInAPackage("cn.cvp.voucher..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.cvp.voucher..api..", "cn.cvp.voucher..messaging..",
                        "cn.cvp.voucher..application..", "cn.cvp.voucher..persistence..",
                        "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                        "cn.cvp.kit.problem..", "cn.cvp.kit.outbox..", "cn.cvp.kit.inbox..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotPublishEventsThemselves() {
        noClasses().that().resideInAPackage("cn.cvp.voucher..api..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.cvp.voucher..messaging..",
                        "cn.cvp.voucher..persistence..", "cn.cvp.kit.outbox..")
                .check(CLASSES);
    }

    @Test
    void onlyUseCasesOpenTransactionsAndWriteTheOutbox() {
        noClasses().that().resideOutsideOfPackage("cn.cvp.voucher..application..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.outbox.Outbox")
                .check(CLASSES);
    }
}
