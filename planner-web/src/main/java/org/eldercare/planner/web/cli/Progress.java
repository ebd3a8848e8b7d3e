package org.eldercare.planner.web.cli;

import java.io.PrintStream;

/**
 * Progress for long-running commands: a redrawn bar on an interactive terminal, plain lines otherwise (CI logs,
 * pipes). Writes to stderr so stdout stays machine-readable.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private int lastPercent = -1;

    public Progress(String label) {
        this(label, System.err, System.console() != null);
    }

    Progress(String label, PrintStream out, boolean terminal) {
        this.label = label;
        this.out = out;
        this.terminal = terminal;
    }

    /** Reports {@code done} of {@code total} steps; prints only when the percentage changes (every 10 % off a terminal). */
    public void update(long done, long total) {
        int pct = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (pct == lastPercent || (!terminal && pct % 10 != 0)) {
            return;
        }
        lastPercent = pct;
        if (terminal) {
            int filled = pct / 5;
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + pct + "%");
            if (pct == 100) {
                out.println();
            }
        } else {
            out.println(label + ": " + pct + "% (" + done + "/" + total + ")");
        }
        out.flush();
    }
}
