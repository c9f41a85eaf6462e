/**
 * The doctor: a council's set-up checked from the database to each chat platform ({@link planbot.doctor.Doctor}),
 * its findings as data ({@link planbot.doctor.Report}, {@link planbot.platform.Finding}) for {@code ./planbot doctor},
 * {@code /plan doctor} and the welcome the first user of a workspace gets ({@link planbot.doctor.Welcome}). Each
 * platform checks what only it can tell through {@link planbot.platform.ChatPlatform#check}; nothing here imports a
 * chat SDK or knows a platform.
 */
package planbot.doctor;
