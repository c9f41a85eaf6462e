/**
 * Reading assessment templates from files: {@link planbot.assess.read.TemplateReader} takes a toolkit section as
 * Word saves it (text or DOCX) or planbot's YAML/JSON form and gives a {@link planbot.assess.read.TemplateRead}: the
 * template and what was skipped, by line. Nothing here touches the database.
 */
package planbot.assess.read;
