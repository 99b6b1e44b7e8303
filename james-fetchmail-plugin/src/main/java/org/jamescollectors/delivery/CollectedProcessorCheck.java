package org.jamescollectors.delivery;

import java.util.Optional;

/** Whether James' mailet container has the processor for collected mail. Stand-in signature. */
public interface CollectedProcessorCheck {
    Optional<String> problem();
}
