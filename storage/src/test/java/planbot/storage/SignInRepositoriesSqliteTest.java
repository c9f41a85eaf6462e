package planbot.storage;

/** The sign-in link and web session repositories' contract on a SQLite file. */
class SignInRepositoriesSqliteTest extends SignInRepositoriesContractTest {
    SignInRepositoriesSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
