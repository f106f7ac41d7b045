package dev.weft;

/** Something needed the database after it was closed. */
public class DetachedException extends WeftException {
    private static final long serialVersionUID = 1L;

    public DetachedException(String message) {
        super(message);
    }

    public DetachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
