package cn.cvp.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are the database's (waited out, never dead-lettered) and which are the record's; records the
 * consumer does not handle are passed over.
 */
class BatchConsumerTest {

    @Test
    void aLostOrRefusedConnectionIsTheDatabasesFault() {
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void aServerShuttingDownStartingOrOutOfResourcesIsTheDatabasesFault() {
        // a PostgreSQL restart answers 57P01 to the sessions it ends and 57P03 while it recovers
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("too many connections", "53300"))).isTrue();
    }

    @Test
    void aConstraintOrDataErrorIsTheRecordsFault() {
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("check violation", "23514"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("no state"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("canceling statement due to user request", "57014"))).isFalse();
        assertThat(BatchConsumer.databaseUnreachable(new SQLException("could not serialize access", "40001"))).isFalse();
    }

    @Test
    void recordsTheConsumerDoesNotHandleArePassedOverWithoutATransaction() {
        TopicPartition tp = new TopicPartition("voucher.events", 0);
        List<ConsumerRecord<String, String>> polled = List.of(
                new ConsumerRecord<>(tp.topic(), 0, 0, "v1", "voucher.debited.v1"),
                new ConsumerRecord<>(tp.topic(), 0, 1, "v2", "voucher.debited.v1"));
        List<String> handled = new ArrayList<>();
        // no dead-letter sender and no transaction manager here: a record that reached the handler would need both
        new BatchConsumer(null, 4, 200).eachInItsOwnTransaction(new ConsumerRecords<>(Map.of(tp, polled), Map.of()),
                "dlq", value -> !value.equals("voucher.debited.v1"), handled::add, t -> true);
        assertThat(handled).isEmpty();
    }
}
