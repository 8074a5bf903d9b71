package fi.askel.bench;

import java.io.PrintStream;

/** A progress bar on stderr per table: rows done of the total, redrawn at most every 1 % (and at the end). */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String table;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long shownPercent = -1;

    Progress(PrintStream out, String table, long total) {
        this.out = out;
        this.table = table;
        this.total = total;
    }

    void advance(int rows) {
        done += rows;
        long percent = done * 100 / Math.max(total, 1);
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = (int) Math.min(WIDTH, done * WIDTH / Math.max(total, 1));
            out.printf("\r%-26s [%s%s] %,d / %,d", table, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
            out.flush();
        }
    }

    void finish() {
        out.printf("\r%-26s [%s] %,d / %,d in %.1f s%n", table, "#".repeat(WIDTH), done, total,
                (System.nanoTime() - started) / 1e9);
    }
}
