package cn.cvp.kit.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that cannot be reached is a 503 with Retry-After (the client retries), never a bare 500. */
class DatabaseUnavailableTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void connectionFailuresAre503WithRetryAfter() {
        for (Exception e : new Exception[] {
                new JDBCConnectionException("Unable to open JDBC Connection",
                        new SQLException("Connection to localhost:5432 refused", "08001")),
                new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")),
                new SQLTransientConnectionException("pool exhausted"),
                new SQLException("terminating connection due to administrator command", "57P01")}) {
            Response response = mappers.database(e, null);
            assertThat(response.getStatus()).as(e.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            Problem body = (Problem) response.getEntity();
            assertThat(body.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(body.messages()).containsKeys("en", "zh");
        }
    }

    @Test
    void otherDatabaseErrorsStayA500ProblemWithoutRetryAfter() {
        Response response = mappers.database(new SQLException("syntax error", "42601"), null);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("INTERNAL_ERROR");
    }
}
