package cn.cvp.provider.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.support.Db;
import cn.cvp.provider.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.cvp.provider.support.Orgs.PROVIDER_DEMO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage intake throughput with full 1,000-record batches over HTTP (a plain HTTP client, so the figure
 * is the service's, not the test client's). Prints figures; asserts only what was stored.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
@TestSecurity(user = "prd-demo", roles = "provider")
@OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
class UsageIntakeBenchmarkTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 1_000;

    @TestHTTPResource("/api/usage-reports")
    URI endpoint;
    @Inject
    Fixtures fixtures;
    @Inject
    Db db;

    private final HttpClient http = HttpClient.newHttpClient();

    private String body(String prefix, UUID allocationId) throws Exception {
        return MAPPER.writeValueAsString(Map.of("records", UsageReportResourceTest.records(prefix, allocationId, BATCH)));
    }

    private JsonNode post(String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    @Test
    void measuresBatchThroughput() throws Exception {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, 1_200);
        String run = "bench-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            post(body(run + "-warm" + i, allocationId));
        }

        int batches = 5;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            bodies.add(body(run + "-seq" + i, allocationId));
        }
        long started = System.nanoTime();
        for (String b : bodies) {
            assertThat(post(b).get("acceptedForProcessing").asInt()).isEqualTo(BATCH);
        }
        double sequentialMs = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        for (String b : bodies) {
            assertThat(post(b).get("duplicates").asInt()).isEqualTo(BATCH);
        }
        double replayMs = (System.nanoTime() - started) / 1e6;

        int clients = 4;
        List<String> parallel = new ArrayList<>();
        for (int i = 0; i < clients * 2; i++) {
            parallel.add(body(run + "-par" + i, allocationId));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        started = System.nanoTime();
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String b : parallel) {
                answers.add(pool.submit(() -> post(b)));
            }
            for (Future<JsonNode> a : answers) {
                assertThat(a.get().get("acceptedForProcessing").asInt()).isEqualTo(BATCH);
            }
        } finally {
            pool.shutdownNow();
        }
        double parallelMs = (System.nanoTime() - started) / 1e6;

        System.out.printf("usage intake benchmark (%d cores, load %s):%n", Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("  %d batches of %d new records one after another: %.0f ms per batch, %.0f records/s%n",
                batches, BATCH, sequentialMs / batches, batches * BATCH * 1000 / sequentialMs);
        System.out.printf("  the same %d batches replayed (all duplicates): %.0f ms per batch, %.0f records/s%n",
                batches, replayMs / batches, batches * BATCH * 1000 / replayMs);
        System.out.printf("  %d batches of %d new records from %d clients at once: %.0f records/s%n",
                parallel.size(), BATCH, clients, parallel.size() * BATCH * 1000 / parallelMs);

        assertThat(db.count("select count(*) from usage_report where record_id like ?", run + "-%"))
                .isEqualTo((3L + batches + parallel.size()) * BATCH);
    }
}
