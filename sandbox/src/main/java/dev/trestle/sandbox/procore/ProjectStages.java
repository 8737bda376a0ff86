package dev.trestle.sandbox.procore;

import java.util.List;

/** The project stages of the simulated company, in Procore's default order. */
public final class ProjectStages {

    public static final String BIDDING = "Bidding";
    public static final String PRE_CONSTRUCTION = "Pre-Construction";
    public static final String COURSE_OF_CONSTRUCTION = "Course of Construction";
    public static final String POST_CONSTRUCTION = "Post-Construction";
    public static final String WARRANTY = "Warranty";

    static final List<String> ALL = List.of(BIDDING, PRE_CONSTRUCTION, COURSE_OF_CONSTRUCTION, POST_CONSTRUCTION,
            WARRANTY);

    private ProjectStages() {
    }

    /** The stage's id in the company's stage list; 0 for a stage the company does not know. */
    static int id(String stage) {
        return ALL.indexOf(stage) + 1;
    }
}
