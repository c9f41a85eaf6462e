/**
 * Answering one task by its id, for every chat platform: a reminder's button, a "new date" form, "add this as a
 * note?", a reply in a reminder's thread, the home view's buttons. {@link planbot.answer.TaskAnswerService} checks
 * tenant and permission, dedupes the platform's event and applies the answer with its audit entry in one
 * transaction; {@link planbot.answer.ButtonValue} is what a button carries, the same on every platform. Nothing here
 * imports a chat SDK: a platform turns its click or message into a {@link planbot.answer.TaskAnswer} and renders the
 * {@link planbot.reply.Reply}.
 */
package planbot.answer;
