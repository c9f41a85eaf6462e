/**
 * Storage: the {@link planbot.storage.Database} gateway (connection rules, migrations, transactions,
 * exception translation) and the repositories, each a small interface with a Jdbi implementation.
 * Every query is scoped by tenant. SQLite is the default; PostgreSQL runs the same migrations.
 */
package planbot.storage;
