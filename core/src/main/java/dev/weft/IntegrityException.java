package dev.weft;

/** The database refused a change because it would break a constraint; nothing was changed. */
public class IntegrityException extends WeftException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
