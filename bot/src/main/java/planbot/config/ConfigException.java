package planbot.config;

/** A setting is missing or malformed. The message names the key and never contains a secret's value. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
