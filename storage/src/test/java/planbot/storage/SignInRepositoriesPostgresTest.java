package planbot.storage;

/** The sign-in link and web session repositories' contract on PostgreSQL. */
class SignInRepositoriesPostgresTest extends SignInRepositoriesContractTest {
    SignInRepositoriesPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
