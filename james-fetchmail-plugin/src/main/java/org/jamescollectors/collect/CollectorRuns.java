package org.jamescollectors.collect;

/** Starts and performs runs of collectors; what a scheduler needs of {@link CollectorRunner}. */
public interface CollectorRuns {
    /** Records a run as started and returns it, without running it. */
    Run start(Collector collector, Run.Trigger trigger);

    /** Performs the run to the end on the caller's thread and returns it finished. */
    Run run(Collector collector, Run started);
}
