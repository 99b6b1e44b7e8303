package org.jamescollectors.delivery;

import java.util.Optional;

import org.apache.mailet.Mail;

/** Reads the outcome of a collected mail once {@code MailProcessor.service} has returned. */
final class PipelineVerdict {
    private PipelineVerdict() {
    }

    static DeliveryOutcome of(Mail mail, PipelineTrace.Track track) {
        return recorded(mail)
            .or(() -> failed(mail, track))
            .orElseGet(() -> ended(mail, track));
    }

    /** What {@link CollectorDelivery} wrote down. */
    private static Optional<DeliveryOutcome> recorded(Mail mail) {
        boolean overQuota = CollectedMailAttributes.get(mail, CollectedMailAttributes.OVER_QUOTA)
            .isPresent();
        return CollectedMailAttributes.get(mail, CollectedMailAttributes.FAILURE)
            .map(overQuota ? DeliveryOutcome::failedOverQuota : DeliveryOutcome::failedTemporarily)
            .or(() -> CollectedMailAttributes.get(mail, CollectedMailAttributes.STORED_IN)
                .map(DeliveryOutcome::stored));
    }

    private static Optional<DeliveryOutcome> failed(Mail mail, PipelineTrace.Track track) {
        Optional<String> why = track.answeringProcessor()
            .map(state -> "the mail went to James' " + state + " processor")
            .or(() -> track.failure().map(error -> "a mailet failed: " + error))
            .or(() -> mail.getAttribute(Mail.MAILET_ERROR).map(error -> "a mailet failed"))
            .or(() -> Optional.ofNullable(mail.getErrorMessage()).map(PipelineVerdict::firstLine));
        return why.map(reason -> DeliveryOutcome.failedTemporarily(
            reason + errorDetail(mail, reason)));
    }

    private static String errorDetail(Mail mail, String reason) {
        return Optional.ofNullable(mail.getErrorMessage())
            .map(PipelineVerdict::firstLine)
            .filter(detail -> !reason.contains(detail))
            .map(detail -> " (" + detail + ")")
            .orElse("");
    }

    private static DeliveryOutcome ended(Mail mail, PipelineTrace.Track track) {
        String step = track.lastStep().orElse("no mailet");
        if (Mail.GHOST.equals(mail.getState()) && track.ghostedByMailet()) {
            return DeliveryOutcome.ended("ended by " + step + sieveActions(mail));
        }
        return DeliveryOutcome.failedTemporarily("the mail left the pipeline unstored after " + step
            + "; the " + CollectedMailSubmitter.PROCESSOR + " processor must end with "
            + CollectorDelivery.class.getName());
    }

    private static String sieveActions(Mail mail) {
        return CollectedMailAttributes.get(mail, CollectedMailAttributes.SIEVE_ACTIONS)
            .map(actions -> " (Sieve: " + actions + ")")
            .orElse("");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
