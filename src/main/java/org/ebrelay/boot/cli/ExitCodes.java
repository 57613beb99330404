package org.ebrelay.boot.cli;

/** The exit codes every ebrelay command uses (see docs/cli.md). */
public final class ExitCodes {
    /** Everything checked is valid. */
    public static final int OK = 0;
    /** The input was read, and problems were found in it. */
    public static final int PROBLEMS = 1;
    /** The input could not be read at all, or the command line was wrong (picocli's usage code). */
    public static final int UNREADABLE = 2;
    /** A bug: an exception escaped a command. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
