package cn.cvp.kit.problem;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a dependency that is down (the database restarting, the pool unable to connect) from a real error. */
final class Unavailable {
    /** Seconds a client should wait before retrying a 503. */
    static final String RETRY_AFTER_SECONDS = "5";

    private Unavailable() {
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Unable to acquire JDBC Connection")
                    || message.contains("acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }
}
