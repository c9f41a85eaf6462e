/**
 * Configuration: settings come from the environment and from a {@code .env} file in the working folder
 * (the environment wins). Loaded once at start-up, validated, and handed out in slices; a missing or
 * malformed setting stops start-up with a message naming the key. No secret has a default and no value
 * is ever logged.
 */
package planbot.config;
