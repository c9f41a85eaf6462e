package planbot.storage;

/** The {@link TemplateRepository} contract on PostgreSQL. */
class TemplateRepositoryPostgresTest extends TemplateRepositoryContractTest {
    TemplateRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
