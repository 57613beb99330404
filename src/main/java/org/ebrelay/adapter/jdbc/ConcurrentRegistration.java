package org.ebrelay.adapter.jdbc;

import java.sql.SQLException;

/**
 * A received message's key (CPAId + MessageId for duplicate elimination, or its HL7 id) was remembered by another
 * transaction between our look-up and our insert: two nodes received copies of one message at the same moment.
 * The unique key decided which copy is the original; the registration is run again and finds it, so the loser is
 * answered as a clean duplicate instead of an error.
 */
final class ConcurrentRegistration extends RuntimeException {
    private ConcurrentRegistration(SQLException cause) {
        super("the same message was registered concurrently: " + cause.getMessage(), cause);
    }

    /** A unique-key violation (SQLState 23505 in H2 and PostgreSQL) becomes this; any other failure stays. */
    static ConcurrentRegistration ifDuplicateKey(SQLException e) throws SQLException {
        if ("23505".equals(e.getSQLState())) {
            return new ConcurrentRegistration(e);
        }
        throw e;
    }
}
