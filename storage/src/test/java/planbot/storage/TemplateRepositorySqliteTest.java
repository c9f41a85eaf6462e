package planbot.storage;

/** The {@link TemplateRepository} contract on a SQLite file. */
class TemplateRepositorySqliteTest extends TemplateRepositoryContractTest {
    TemplateRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
