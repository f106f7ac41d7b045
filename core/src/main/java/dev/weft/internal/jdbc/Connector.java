package dev.weft.internal.jdbc;

import dev.weft.WeftException;
import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.types.TextReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection of a database, shared by all threads in turn. A thread holds it for one statement,
 * or for a whole transaction; SQLite serialises writers anyway, and one connection is what lets an
 * in-memory database be shared at all.
 *
 * <p>Every statement goes through here, so that the statement listener sees them all, in order.
 */
public final class Connector implements AutoCloseable {

    private static final int STATEMENT_CACHE_SIZE = 256;

    private final Dialect dialect;
    private final ConnectionSettings settings;
    private final Consumer<String> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final StatementCache statements;
    /** How text columns are read; {@code null} until the database can tell ({@link #settleTextReader}). */
    private volatile TextReader textReader;
    private int transactionDepth;
    private final java.util.ArrayDeque<Runnable> rollbackActions = new java.util.ArrayDeque<>();
    private int savepoints;
    private volatile boolean closed;

    public Connector(Dialect dialect, ConnectionSettings settings, Consumer<String> listener) {
        this.dialect = dialect;
        this.settings = settings;
        this.listener = listener;
        try {
            this.connection = dialect.open(settings);
        } catch (SQLException e) {
            throw new WeftException("Cannot open " + settings.describe() + ": " + e.getMessage(), e);
        }
        this.statements = new StatementCache(connection, STATEMENT_CACHE_SIZE, dialect::isUsable);
        try {
            for (String setting : dialect.connectionSettings(settings)) {
                execute(setting);
            }
            this.textReader = dialect.textReader(this::queryValue).orElse(null);
        } catch (SQLException e) {
            close();
            throw new WeftException("Cannot configure the SQLite connection: " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the connection goes. */
    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * Runs {@code work} holding the connection; SQL failures come out as {@link SqlFailure}. Weft's writes
     * also record their effects in memory inside it, so that no other thread reads between the commit
     * and the identity map catching up.
     */
    public <R> R withConnection(SqlWork<R> work) {
        lock.lock();
        try {
            checkOpen();
            return work.run();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A prepared statement for {@code sql}, reused across calls, after telling the listener it runs. Only
     * while holding the connection ({@link #withConnection}). The caller binds every parameter: the values of
     * the statement's last run are still bound (clearing them would cost a call into the driver's native code
     * per statement).
     */
    public PreparedStatement prepare(String sql) throws SQLException {
        listener.accept(sql);
        return statements.get(sql);
    }

    /**
     * Tells the listener that the statement {@code sql}, prepared before, runs again with other parameters: once
     * for each row added to a JDBC batch after the first, so that the listener sees every execution.
     */
    public void announce(String sql) {
        listener.accept(sql);
    }

    /** Whether a transaction is open on the connection. Only while holding it ({@link #withConnection}). */
    public boolean inTransaction() {
        return transactionDepth > 0;
    }

    /**
     * Whether this thread is inside a transaction: what it reads now may show writes that roll back. Asked from any
     * thread; only the one that holds the connection gets true.
     */
    public boolean inTransactionHere() {
        return lock.isHeldByCurrentThread() && transactionDepth > 0;
    }

    /**
     * Runs {@code step} if the transaction open on this thread rolls back, or the savepoint of the Weft operation
     * running in it (see {@link #atomically}). Only where {@link #inTransactionHere} is true.
     */
    public void onRollback(Runnable step) {
        rollbackActions.push(step);
    }

    /**
     * How text columns are read from this connection's result sets ({@link Dialect#textReader}): the standard way
     * until the database can tell, which is always right, if slower.
     */
    public TextReader textReader() {
        TextReader reader = textReader;
        return reader != null ? reader : TextReader.STANDARD;
    }

    /**
     * Asks the database again how text is read, if it could not tell at open: a database empty then has tables once
     * its entities are created or checked, and from its first table on it keeps text one way.
     */
    public void settleTextReader() {
        if (textReader != null) {
            return;
        }
        withConnection(() -> {
            if (textReader == null) {
                textReader = dialect.textReader(this::queryValue).orElse(null);
            }
            return null;
        });
    }

    private String queryValue(String sql) throws SQLException {
        listener.accept(sql);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs a statement without parameters or results, once (DDL, settings). */
    public void execute(String sql) throws SQLException {
        listener.accept(sql);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Runs a transaction control statement ({@code BEGIN}, {@code COMMIT}, a savepoint's), prepared once: parsing
     * {@code BEGIN} and {@code COMMIT} again cost a tenth of a one-row save.
     */
    private void control(String sql) throws SQLException {
        listener.accept(sql);
        statements.get(sql).execute();
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. Inside
     * another transaction it joins that one.
     */
    public <R> R transaction(SqlWork<R> work) {
        lock.lock();
        try {
            checkOpen();
            if (transactionDepth > 0) {
                // Joins the transaction around it, in a savepoint: if this part throws, only it rolls back,
                // even when the caller catches the exception and the outer transaction commits.
                return atomically(work, () -> { });
            }
            control(dialect.beginTransaction());
            transactionDepth = 1;
            R result;
            try {
                result = work.run();
            } catch (Throwable failure) {
                transactionDepth = 0;
                rollbackAfter(failure, "ROLLBACK");
                revertInMemory(failure);
                throw failure;
            }
            transactionDepth = 0;
            try {
                control("COMMIT");
            } catch (SQLException failure) {
                rollbackAfter(failure, "ROLLBACK");
                revertInMemory(failure);
                throw failure;
            }
            rollbackActions.clear();
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} so that it takes effect entirely or not at all, even inside a transaction that
     * goes on after it fails: Weft's own writes (a save, a delete) use this, so that a failed save caught
     * by the application leaves nothing half-written in the application's transaction. {@code revert}
     * puts back what the operation changed in memory; it runs when the work fails, or later when the
     * transaction around it rolls back.
     */
    public <R> R atomically(SqlWork<R> work, Runnable revert) {
        lock.lock();
        try {
            checkOpen();
            if (transactionDepth == 0) {
                try {
                    return transaction(work);
                } catch (RuntimeException | Error failure) {
                    revert.run();
                    throw failure;
                }
            }
            String savepoint = "weft_" + (savepoints + 1);
            try {
                control("SAVEPOINT " + savepoint);
            } catch (SQLException | RuntimeException | Error e) { // the listener's failure too, as for BEGIN
                revert.run();
                throw e;
            }
            savepoints++; // only once it exists: a count that drifted would name a new statement at each failure
            transactionDepth++;
            int reverts = rollbackActions.size(); // the work's own nested operations queue theirs above
            try {
                R result = work.run();
                control("RELEASE " + savepoint);
                // Committed only with the transaction around it: if that rolls back, memory must follow.
                rollbackActions.push(revert);
                return result;
            } catch (Throwable failure) {
                rollbackAfter(failure, "ROLLBACK TO " + savepoint);
                control("RELEASE " + savepoint);
                // The savepoint undid the rows of every operation that completed inside the work: memory follows
                // them now, not with the transaction around, which may still commit.
                while (rollbackActions.size() > reverts) {
                    runReverting(rollbackActions.pop(), failure);
                }
                revert.run();
                throw failure;
            } finally {
                transactionDepth--;
                savepoints--;
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } finally {
            lock.unlock();
        }
    }

    /** Undoes, newest first, what Weft's operations inside a rolled-back transaction changed in memory. */
    private void revertInMemory(Throwable failure) {
        while (!rollbackActions.isEmpty()) {
            runReverting(rollbackActions.pop(), failure);
        }
    }

    private static void runReverting(Runnable revert, Throwable failure) {
        try {
            revert.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void rollbackAfter(Throwable failure, String rollback) {
        try {
            control(rollback);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new WeftException("The database is closed: open a new Database to go on.");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            statements.closeAll();
            connection.close();
        } catch (SQLException e) {
            throw new WeftException("Closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
