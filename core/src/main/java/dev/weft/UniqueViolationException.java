package dev.weft;

/** A value that must be unique (a UNIQUE column, a one-to-one key, a primary key) is taken. */
public class UniqueViolationException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message) {
        super(message);
    }

    public UniqueViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
