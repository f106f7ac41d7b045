package dev.weft;

/** A column that must not be NULL would be NULL. */
public class NotNullViolationException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message) {
        super(message);
    }

    public NotNullViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
