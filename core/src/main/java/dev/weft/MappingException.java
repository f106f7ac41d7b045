package dev.weft;

/** An entity class is mapped wrongly: the message names the class, the field and the fix. */
public class MappingException extends WeftException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
