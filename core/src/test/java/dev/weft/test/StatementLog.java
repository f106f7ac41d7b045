package dev.weft.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The SQL text of every statement Weft sent to SQLite, in order, as reported by
 * {@code Database.builder().onStatement(...)}. Safe to feed from several threads.
 */
public final class StatementLog implements Consumer<String> {

    private final List<String> statements = new ArrayList<>();

    @Override
    public synchronized void accept(String sql) {
        statements.add(sql);
    }

    /** Every statement so far, oldest first. */
    public synchronized List<String> all() {
        return List.copyOf(statements);
    }

    /** How many statements were sent. */
    public synchronized int count() {
        return statements.size();
    }

    /** Forgets the statements so far. */
    public synchronized void clear() {
        statements.clear();
    }

    /** The statements whose text starts with {@code prefix}, ignoring case and leading blanks ({@code "UPDATE"}). */
    public synchronized List<String> matching(String prefix) {
        String wanted = prefix.toUpperCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String sql : statements) {
            if (sql.strip().toUpperCase(Locale.ROOT).startsWith(wanted)) {
                found.add(sql);
            }
        }
        return found;
    }

    /** The statements whose text contains {@code text}, ignoring case. */
    public synchronized List<String> containing(String text) {
        String wanted = text.toUpperCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String sql : statements) {
            if (sql.toUpperCase(Locale.ROOT).contains(wanted)) {
                found.add(sql);
            }
        }
        return found;
    }

    /** The statements that read or write rows: SELECT, INSERT, UPDATE, DELETE (and WITH ... forms). */
    public synchronized List<String> dataStatements() {
        List<String> found = new ArrayList<>();
        for (String sql : statements) {
            String head = sql.strip().toUpperCase(Locale.ROOT);
            if (head.startsWith("SELECT") || head.startsWith("INSERT") || head.startsWith("UPDATE")
                    || head.startsWith("DELETE") || head.startsWith("WITH") || head.startsWith("REPLACE")) {
                found.add(sql);
            }
        }
        return found;
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", statements);
    }
}
