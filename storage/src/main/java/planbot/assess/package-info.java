/**
 * Self-assessment frameworks (DESIGN.md §12): a {@link planbot.assess.Template} is one framework section, its
 * {@link planbot.assess.Part}s each a poor (score 1) and an excellent (score 5) statement, numbered
 * {@link planbot.assess.Tip}s and evaluation questions. Plain records that validate themselves; no I/O. The readers
 * that turn a toolkit file into a template are in {@code planbot.assess.read}; storage is
 * {@link planbot.storage.TemplateRepository}.
 */
package planbot.assess;
