package cn.cvp.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium against the running stack (deploy/local/platform test): people sign in through
 * Keycloak's login page, click through the pages, and see what the services decided. Screenshots of the main
 * pages go to docs/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    static final long LIMIT_BYTES = 200_000;
    static final Map<String, Long> PAGE_BYTES = new TreeMap<>();
    static String approvedVoucherId;

    /** Loads the current address afresh (boosted navigation is XHR) and weighs it. */
    private static void weigh(Browser b, String page) {
        b.driver.get(b.driver.getCurrentUrl());
        long bytes = b.pageBytes();
        PAGE_BYTES.put(page, bytes);
        assertThat(bytes).as("page %s weighs %d bytes without images", page, bytes).isLessThan(LIMIT_BYTES);
    }

    @AfterAll
    static void report() {
        PAGE_BYTES.forEach((page, bytes) -> System.out.printf("page-bytes %-28s %,9d%n", page, bytes));
    }

    @Test
    @Order(1)
    void theLanguageSwitchWorksAndIsRemembered() throws IOException {
        try (Browser b = new Browser()) {
            b.open("/");
            assertThat(b.text(By.tagName("h1"))).contains("算力券");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            b.screenshot("landing-zh");
            weigh(b, "landing");

            b.driver.findElement(By.id("lang-switch")).click();
            b.wait(10).until(ExpectedConditions.textToBe(By.tagName("h1"), "Compute voucher platform"));
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            b.open("/"); // remembered by the cookie, without the query parameter
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Compute voucher platform");
            assertThat(b.text(By.id("landing-login"))).isEqualTo("Sign in");
            b.screenshot("landing-en");

            b.driver.findElement(By.id("lang-switch")).click();
            b.wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "算力券"));
        }
    }

    @Test
    @Order(2)
    void anEnterpriseAppliesAndSeesItsFaceValue() throws IOException {
        Stack.enterpriseRegistered();
        try (Browser b = new Browser()) {
            b.signIn("enterprise-demo");
            assertThat(b.driver.getCurrentUrl()).endsWith("/enterprise");
            b.screenshot("enterprise-home");
            weigh(b, "enterprise home");
            b.driver.findElement(By.id("apply-link")).click();
            b.wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));

            // the service validates the form: 0 card-hours comes back as a message next to that field
            fill(b, "a-ch", "0");
            fill(b, "a-purpose", "大模型微调（浏览器测试）");
            fill(b, "a-amount", "3000");
            fill(b, "a-cn", "UI-" + UUID.randomUUID());
            b.driver.findElement(By.id("apply-submit")).click();
            WebElement fieldError = b.wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("err-cardHours")));
            assertThat(fieldError.getText()).isNotBlank();
            assertThat(b.driver.findElement(By.cssSelector(".problem")).getAttribute("data-code")).isEqualTo("VALIDATION_FAILED");
            b.screenshot("enterprise-apply-validation");

            fill(b, "a-ch", "200");
            fill(b, "a-cn", "UI-" + UUID.randomUUID());
            b.driver.findElement(By.id("apply-submit")).click();
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("face-value")));
            assertThat(b.text(By.id("face-value"))).isEqualTo("¥600.00"); // 20 % of ¥3,000 (BJ-AICV)
            assertThat(b.driver.findElement(By.id("application-status")).getAttribute("data-status")).isEqualTo("UNDER_REVIEW");
            b.screenshot("enterprise-application");
            weigh(b, "enterprise application");

            // and withdraws it again (releases what it reserved), so that the queue holds only what is meant for it
            b.driver.findElement(By.cssSelector("form[action$='/withdraw'] button")).click();
            b.wait(15).until(d -> "WITHDRAWN".equals(d.findElement(By.id("application-status")).getAttribute("data-status")));
        }
    }

    @Test
    @Order(3)
    void anApproverApprovesFromTheQueueAndTheVoucherAppears() throws IOException {
        String app = Stack.reviewedApplication(250_000, 100); // ¥2,500 → face value ¥500.00
        try (Browser b = new Browser()) {
            b.signIn("approver-demo");
            b.open("/office/applications");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("app-" + app)));
            b.screenshot("office-approval-queue");
            weigh(b, "approval queue");
            b.driver.findElement(By.id("app-" + app)).findElement(By.cssSelector("button[data-action=approve]")).click();
            // htmx swaps the row with the service's answer
            WebElement link = b.wait(15).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#app-" + app + " a.voucher-link")));
            assertThat(b.driver.findElement(By.cssSelector("#app-" + app + " td.st")).getAttribute("data-status")).isEqualTo("ISSUED");
            link.click();
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("face-value")));
            assertThat(b.text(By.id("face-value"))).isEqualTo("¥500.00");
            assertThat(b.text(By.id("voucher-status"))).isEqualTo("有效");
            approvedVoucherId = b.driver.getCurrentUrl().substring(b.driver.getCurrentUrl().lastIndexOf('/') + 1);
            b.screenshot("office-voucher");
            weigh(b, "voucher (office)");

            b.open("/office");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("budget")));
            assertThat(b.text(By.id("forecast"))).isNotBlank();
            b.screenshot("office-dashboard");
            weigh(b, "dashboard");

            // signing out ends the Keycloak session: the next protected page asks for the password again
            b.signOut();
            b.open("/office/applications");
            b.wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        }
    }

    @Test
    @Order(4)
    void theSameApproversSecondApprovalAboveTheThresholdIsRefused() throws IOException {
        // ¥2,600,000 at 20 % = ¥520,000, above BJ-AICV's ¥500,000 threshold: two different approvers must approve
        String app = Stack.reviewedApplication(260_000_000L, 100);
        try (Browser b = new Browser()) {
            b.signIn("approver-demo");
            b.open("/office/applications");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("app-" + app)))
                    .findElement(By.cssSelector("button[data-action=approve]")).click();
            b.wait(15).until(d -> "APPROVED".equals(d.findElement(By.cssSelector("#app-" + app + " td.st")).getAttribute("data-status")));
            b.driver.findElement(By.cssSelector("#app-" + app + " button[data-action=approve]")).click();
            WebElement problem = b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-" + app + " .problem")));
            assertThat(problem.getAttribute("data-code")).isEqualTo("SECOND_APPROVER_REQUIRED");
            assertThat(problem.getText()).contains("超过项目阈值的申请须由另一名审批人复核")
                    .contains("Above the programme's threshold a second, different approver must approve");
            b.screenshot("office-four-eyes-refused");
            b.driver.findElement(By.id("lang-switch")).click(); // the same queue in English
            b.wait(15).until(ExpectedConditions.textToBe(By.tagName("h1"), "Approval queue"));
            assertThat(b.text(By.cssSelector("#app-" + app + " td.st"))).isEqualTo("Awaiting second approver");
            b.screenshot("office-approval-queue-en");
        } finally {
            Stack.reject(app, "browser test: release the reservation");
        }
    }

    @Test
    @Order(5)
    void aProviderUploadsFiveThousandUsageRecordsAndSeesAcceptedAndRejectedRows() throws IOException {
        Map<String, Object> allocation = Stack.heldAllocation();
        String allocationId = allocation.get("allocationId").toString();
        long price = ((Number) allocation.get("unitPriceFen")).longValue();
        OffsetDateTime from = OffsetDateTime.parse(allocation.get("windowStart").toString()).plusMinutes(10);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("recordId,allocationId,periodStart,periodEnd,units,unitPriceFen,amountFen,deliveryCertificateRef\n");
        int mismatched = 0;
        int unknown = 0;
        for (int i = 0; i < 5_000; i++) {
            OffsetDateTime start = from.plusSeconds(8L * i);
            long amount = Math.round(0.002 * price); // 0.002 card-hours in 8 s: within the one card reserved
            String alloc = allocationId;
            if (i % 250 == 124) {
                alloc = UUID.randomUUID().toString(); // not this provider's allocation
                unknown++;
            } else if (i % 10 == 9) {
                amount += 7; // amountFen ≠ units × unitPriceFen
                mismatched++;
            }
            csv.append("ui-").append(run).append('-').append(i).append(',').append(alloc).append(',').append(start).append(',')
                    .append(start.plusSeconds(8)).append(",0.002,").append(price).append(',').append(amount).append(",DC-").append(run).append('\n');
        }
        Path file = Files.createTempFile("usage-", ".csv");
        Files.writeString(file, csv);
        try (Browser b = new Browser()) {
            b.signIn("provider-demo");
            b.open("/provider/usage");
            b.driver.findElement(By.id("usage-file")).sendKeys(file.toAbsolutePath().toString());
            b.driver.findElement(By.id("usage-upload")).click();
            b.wait(300).until(d -> "true".equals(d.findElement(By.id("usage-summary")).getAttribute("data-done")));
            String summary = b.text(By.id("usage-summary"));
            assertThat(summary).contains("已接收 " + (5_000 - mismatched - unknown)).contains("被拒绝 " + (mismatched + unknown));
            assertThat(b.driver.findElements(By.cssSelector("#usage-results tr[data-status=ACCEPTED_FOR_PROCESSING]"))).isNotEmpty();
            assertThat(b.driver.findElement(By.id("usage-download")).isDisplayed()).isTrue();
            new Select(b.driver.findElement(By.id("usage-filter"))).selectByValue("REJECTED");
            var rejected = b.driver.findElements(By.cssSelector("#usage-results tr[data-status=REJECTED]"));
            assertThat(rejected).hasSize(mismatched + unknown);
            assertThat(rejected.get(0).getText()).contains("AMOUNT_MISMATCH");
            assertThat(b.text(By.id("usage-results"))).contains("ALLOCATION_NOT_FOUND");
            b.screenshot("provider-usage-upload");
            weigh(b, "usage upload");

            b.open("/provider/offerings");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("offerings")));
            b.screenshot("provider-offerings");
            b.open("/provider/allocations");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("allocations")));
            b.screenshot("provider-allocations");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(6)
    void enterpriseBTamperingTheUrlToEnterpriseAsVoucherGetsTheNotFoundPageAndAnotherRolesPageIsRefused() throws IOException {
        assertThat(approvedVoucherId).as("the approval test issued enterprise-demo's voucher").isNotNull();
        try (Browser b = new Browser()) {
            b.open("/enterprise/vouchers/" + approvedVoucherId); // sign-in first, then back to this very address
            b.signInOnKeycloak("enterprise-other");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
            assertThat(b.driver.getCurrentUrl()).endsWith("/enterprise/vouchers/" + approvedVoucherId);
            assertThat(b.driver.findElements(By.id("face-value"))).isEmpty();
            b.screenshot("enterprise-other-not-found");

            // a page of another role: the service refuses (403), the console shows the refusal
            b.open("/office/providers");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("problem-page")));
            assertThat(b.text(By.id("problem-page"))).contains("403");
        }
        try (Browser b = new Browser()) { // the owner sees it
            b.signIn("enterprise-demo");
            b.open("/enterprise/vouchers/" + approvedVoucherId);
            assertThat(b.text(By.id("face-value"))).isEqualTo("¥500.00");
            b.screenshot("enterprise-voucher");
        }
    }

    @Test
    @Order(7)
    void theProgrammeOfficeSeesTheAccreditationQueueFlaggedUsageSettlementAndAudit() throws IOException {
        Map<String, Object> other = Stack.otherProviderOnboarding();
        String id = other.get("id").toString();
        if ("PUBLIC_NOTICE".equals(other.get("status"))) {
            // an earlier run left it on public notice: an enterprise objects on the notice page → back to verification
            try (Browser b = new Browser()) {
                b.signIn("enterprise-demo");
                b.open("/notices");
                b.screenshot("public-notice");
                fill(b, "ob-" + id, "浏览器测试：场所与登记不符 (browser test objection)");
                b.driver.findElement(By.cssSelector("#ob-" + id + " ~ button")).click();
                b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ok")));
                b.screenshot("public-notice-objection");
            }
            other = Stack.otherProviderOnboarding();
        }
        boolean onboarding = "SELF_ASSESSED".equals(other.get("status")) || "VERIFYING".equals(other.get("status"));
        try (Browser b = new Browser()) {
            b.signIn("admin-demo");
            b.open("/office/providers");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("providers")));
            if (onboarding) {
                if ("SELF_ASSESSED".equals(other.get("status"))) {
                    b.driver.findElement(By.cssSelector("#prov-" + id + " form[action$='/verification'] button")).click();
                    b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#prov-" + id + " form[action$='/public-notice']")));
                }
                b.screenshot("office-accreditation");
                fill(b, "pn-" + id, "SH-ICV");
                b.driver.findElement(By.cssSelector("#prov-" + id + " form[action$='/public-notice'] button")).click();
                b.wait(15).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#prov-" + id + " td.st"), "公示中"));
                assertThat(b.text(By.id("notices"))).contains(Stack.OTHER_PROVIDER_ORG);
            } else {
                b.screenshot("office-accreditation");
            }
            weigh(b, "accreditation queue");
            b.open("/office/flagged");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            b.screenshot("office-flagged-usage");
            b.open("/office/settlement");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            b.screenshot("office-settlement");
            b.open("/office/audit");
            b.wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            b.screenshot("office-audit");
            weigh(b, "audit");
        }
    }

    private static void fill(Browser b, String id, String value) {
        WebElement e = b.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }
}
