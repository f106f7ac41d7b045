package dev.weft;

/** A row would reference a row that does not exist. */
public class ForeignKeyViolationException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message) {
        super(message);
    }

    public ForeignKeyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
