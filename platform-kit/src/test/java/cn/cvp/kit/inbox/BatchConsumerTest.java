package cn.cvp.kit.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database's (waited out, never dead-lettered) and which are the record's. */
class BatchConsumerTest {

    @Test
    void aLostOrRefusedConnectionIsTheDatabasesFault() {
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void aConstraintOrDataErrorIsTheRecordsFault() {
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("check violation", "23514"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("no state"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
    }
}
