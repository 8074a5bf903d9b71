package fi.askel.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes one table's rows as multi-row INSERTs ({@code VALUES (…), (…), …}) of up to {@link #BATCH} rows, one
 * transaction each, so a million rows cost a thousand round trips instead of a million. Tables are written in
 * foreign-key order by the caller; ids are given by the generator, so later tables can point at earlier rows.
 */
final class Rows implements AutoCloseable {

    static final int BATCH = 1_000;
    private final Connection db;
    private final String table;
    private final String columns;
    private final int width;
    private final Progress progress;
    private final List<Object> pending = new ArrayList<>();
    private PreparedStatement full;
    private long written;

    Rows(Connection db, PrintStream log, String table, String columns, long total) {
        this.db = db;
        this.table = table;
        this.columns = columns;
        this.width = columns == null ? 0 : columns.split(",").length;
        this.progress = log == null ? null : new Progress(log, table, total);
    }

    /** Rows that are only counted, to know a table's total before writing it. */
    static Rows counting() {
        return new Rows(null, null, "(count)", null, 0);
    }

    /** One row, its values in the order of the columns. */
    void add(Object... values) throws SQLException {
        if (db == null) {
            written++;
            return;
        }
        if (values.length != width) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + width + " columns");
        }
        Collections.addAll(pending, values);
        if (pending.size() == BATCH * width) {
            flush();
        }
    }

    long written() {
        return written;
    }

    private void flush() throws SQLException {
        int rows = pending.size() / width;
        if (rows == 0) {
            return;
        }
        PreparedStatement insert;
        if (rows == BATCH) {
            if (full == null) {
                full = db.prepareStatement(sql(BATCH));
            }
            insert = full;
        } else {
            insert = db.prepareStatement(sql(rows));
        }
        for (int i = 0; i < pending.size(); i++) {
            insert.setObject(i + 1, pending.get(i));
        }
        insert.executeUpdate();
        if (insert != full) {
            insert.close();
        }
        db.commit();
        pending.clear();
        written += rows;
        progress.advance(rows);
    }

    private String sql(int rows) {
        String one = "(" + "?,".repeat(width - 1) + "?)";
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append(one);
        }
        return sb.toString();
    }

    @Override
    public void close() throws SQLException {
        if (db == null) {
            return;
        }
        flush();
        if (full != null) {
            full.close();
        }
        progress.finish();
    }
}
