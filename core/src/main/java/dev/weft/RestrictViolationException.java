package dev.weft;

/** A row cannot be deleted or re-keyed while rows reference it through a RESTRICT foreign key. */
public class RestrictViolationException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    public RestrictViolationException(String message) {
        super(message);
    }

    public RestrictViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
