package org.apsa.batch;

import java.io.IOException;
import java.nio.file.Path;

/** Files that are not regular files, for the fixtures of inputs a batch must not open. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A named pipe (FIFO) at {@code path}, made by the system's {@code mkfifo}. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return path;
    }
}
