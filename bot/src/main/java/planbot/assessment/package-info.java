/**
 * Running an assessment session with the team (DESIGN §12): {@link planbot.assessment.AssessmentService} takes the
 * steps of {@code assess …} (start, vote, reveal, agree, target, adopt, dismiss, action, next, end, status) for the
 * channel they are typed in, keeps every bit of state in the database ({@link planbot.storage.AssessSessionRepository}),
 * and turns adopted tips and added actions into ordinary plan actions. Templates are {@code planbot.assess}'s.
 */
package planbot.assessment;
