package org.apsa.cli;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file or folder as the user typed it. {@code ~} and {@code ~/...} are the home folder, as a
 * Unix shell reads them: in the interactive shell and in scripts no other shell has expanded
 * them, and neither has the real shell after {@code @} or {@code --out=}. {@code ~name} is left
 * as written (it may be a file's own name). Every command's file arguments come through here.
 */
public final class UserPaths {

    private UserPaths() {
    }

    /** @throws UsageException when the text cannot name a file at all */
    public static Path of(String typed) {
        boolean home = typed.equals("~") || typed.startsWith("~/") || typed.startsWith("~" + File.separator);
        try {
            return Path.of(home ? System.getProperty("user.home") + typed.substring(1) : typed);
        } catch (InvalidPathException e) {
            throw new UsageException("\"" + typed.replaceAll("\\p{Cntrl}", "?") + "\" is not a usable path: " + e.getReason());
        }
    }
}
