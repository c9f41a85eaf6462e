package planbot.storage.testing;

import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.DateRevisionRepository;
import planbot.storage.JdbiAuditRepository;
import planbot.storage.JdbiDateRevisionRepository;
import planbot.storage.JdbiPersonRepository;
import planbot.storage.JdbiPlanRepository;
import planbot.storage.JdbiSnoozeRepository;
import planbot.storage.JdbiTaskRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.SnoozeRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TenantRepository;
import planbot.tracker.ImportService;

/** The Jdbi repositories and the import service on one database, wired as the composition root wires them. */
public record Stores(Database db, TenantRepository tenants, PlanRepository plans, PersonRepository people,
                     AuditRepository audit, DateRevisionRepository revisions, ImportService importer,
                     TaskRepository tasks, SnoozeRepository snoozes) {

    public static Stores on(Database db) {
        TenantRepository tenants = new JdbiTenantRepository(db);
        PlanRepository plans = new JdbiPlanRepository(db);
        PersonRepository people = new JdbiPersonRepository(db);
        AuditRepository audit = new JdbiAuditRepository(db);
        DateRevisionRepository revisions = new JdbiDateRevisionRepository(db);
        return new Stores(db, tenants, plans, people, audit, revisions,
                new ImportService(db, tenants, plans, people, audit, revisions),
                new JdbiTaskRepository(db), new JdbiSnoozeRepository(db));
    }
}
