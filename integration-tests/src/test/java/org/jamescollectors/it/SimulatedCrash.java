package org.jamescollectors.it;

/**
 * Stands for the process dying at a given point: an Error, so that no code of the plugin handles
 * it as a failure and records anything afterwards.
 */
final class SimulatedCrash extends Error {
    SimulatedCrash(String point) {
        super("simulated crash " + point);
    }
}
