package planbot.storage.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import planbot.storage.Database;

/**
 * Base of the contract tests: each test gets a fresh, migrated database of the vendor its subclass names,
 * and the repositories on it. A contract test is abstract and has one subclass per vendor.
 */
public abstract class DatabaseTestBase {

    private final Database.Vendor vendor;

    @TempDir
    protected Path tempDir;
    protected Database db;
    protected Stores stores;

    protected DatabaseTestBase(Database.Vendor vendor) {
        this.vendor = vendor;
    }

    @BeforeEach
    void openDatabase() {
        db = vendor == Database.Vendor.SQLITE ? TestDatabases.sqlite(tempDir) : TestDatabases.postgres();
        stores = Stores.on(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
