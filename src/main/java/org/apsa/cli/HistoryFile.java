package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.io.PrivateFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The interactive shell's history holds every line typed, notes included: it is created
 * readable by the user alone (0600, in 0700 folders) before the shell's line reader first
 * appends to it, which would create it with the umask's permissions.
 */
@Component
class HistoryFile {

    private static final Logger LOG = LogManager.getLogger(HistoryFile.class);

    HistoryFile(@Value("${spring.shell.interactive.enabled:false}") boolean interactive,
                @Value("${spring.shell.history.enabled:true}") boolean enabled,
                @Value("${spring.shell.history.name:}") String name) {
        if (interactive && enabled && !name.isBlank()) {
            create(Path.of(name));
        }
    }

    static void create(Path file) {
        try {
            PrivateFiles.file(file);
        } catch (IOException | RuntimeException e) {
            // The line reader says so when it cannot write there either.
            LOG.warn("shell history {} not created: {}", file, e.toString());
        }
    }
}
