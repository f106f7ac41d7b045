package dev.weft;

/** An entity class was used without bytecode enhancement; the message says how to enable it. */
public class NotEnhancedException extends WeftException {
    private static final long serialVersionUID = 1L;

    public NotEnhancedException(String message) {
        super(message);
    }

    public NotEnhancedException(String message, Throwable cause) {
        super(message, cause);
    }
}
