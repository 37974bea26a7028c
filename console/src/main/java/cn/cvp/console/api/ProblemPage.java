package cn.cvp.console.api;

/** A service's refusal of what a page needs to show (404 for another tenant's voucher, 403, …): rendered as a page. */
public class ProblemPage extends RuntimeException {
    private final transient Problem problem;

    public ProblemPage(Problem problem) {
        super(problem.code() + ": " + problem.en());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
