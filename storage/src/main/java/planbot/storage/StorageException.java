package planbot.storage;

/** A database failure that is not the user's fault. The message never contains connection secrets. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
