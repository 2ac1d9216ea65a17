package org.apsa.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user's own files under {@code ~/.apsa} (the shell's history with its typed notes,
 * unsaved fact sets, the log, the compiled-rule cache): each file is created readable and
 * writable by its owner only (0600), each folder usable by its owner only (0700), whatever
 * the umask. Where the file system has no POSIX permissions (Windows), files are created as
 * the system creates them, inside the user's profile.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Whether the default file system knows POSIX permissions. */
    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file 0600, for {@code Files.createFile} and the like; none without POSIX. */
    static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code folder} and every missing folder above it, each 0700; folders that exist
     * are left as they are.
     *
     * @return the folders created, outermost first
     */
    public static List<Path> folders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path absolute = folder.toAbsolutePath();
        for (Path above = absolute; above != null && !Files.isDirectory(above); above = above.getParent()) {
            missing.add(0, above);
        }
        for (Path create : missing) {
            try {
                if (posix()) {
                    Files.createDirectory(create, PosixFilePermissions.asFileAttribute(FOLDER));
                    // The umask may have taken bits away, never added any; set exactly.
                    Files.setPosixFilePermissions(create, FOLDER);
                } else {
                    Files.createDirectory(create);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(create)) {
                    throw raced;
                }
            }
        }
        return List.copyOf(missing);
    }

    /** Creates an empty file 0600 (and its missing folders 0700) unless it exists; an existing file is left alone. */
    public static void file(Path file) throws IOException {
        folders(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, fileAttributes());
        } catch (FileAlreadyExistsException exists) {
            // Kept as it is.
        }
    }

    /**
     * Takes the group's and others' permissions off a folder of the tool's own that an earlier
     * version created with the umask's (0755): what it holds becomes private in one step. Only
     * a folder the user owns; a failure changes nothing and is not an error.
     */
    public static void tighten(Path folder) {
        if (!posix()) {
            return;
        }
        try {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && ownedByUser(folder)
                    && !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(FOLDER)) {
                Files.setPosixFilePermissions(folder, FOLDER);
            }
        } catch (IOException | RuntimeException ignored) {
            // Left as it was.
        }
    }

    /**
     * Why a folder cannot be trusted with code the tool will load from it: it belongs to
     * another user, or others than its owner may write to it. Empty when it can, or when the
     * file system cannot tell (no POSIX permissions).
     */
    public static Optional<String> untrusted(Path folder) {
        if (!posix()) {
            return Optional.empty();
        }
        try {
            if (!ownedByUser(folder)) {
                return Optional.of("it belongs to " + Files.getOwner(folder).getName() + ", not to " + userName());
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of("others than its owner may write to it ("
                        + PosixFilePermissions.toString(permissions) + "); chmod go-w " + folder + " to use it");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("its owner and permissions cannot be read (" + AtomicFiles.reason(e) + ")");
        }
    }

    /**
     * Whether the user running the tool owns {@code path}: compared by user id where the
     * system gives one, else by name.
     */
    static boolean ownedByUser(Path path) throws IOException {
        Optional<Long> uid = currentUid();
        if (uid.isPresent()) {
            Object owner = Files.getAttribute(path, "unix:uid");
            if (owner instanceof Integer id) {
                return Integer.toUnsignedLong(id) == uid.get();
            }
        }
        UserPrincipal owner = Files.getOwner(path);
        return owner.getName().equals(userName());
    }

    private static String userName() {
        return System.getProperty("user.name", "?");
    }

    /** The running process's user id, from the JDK's own Unix module; empty where it is missing. */
    private static Optional<Long> currentUid() {
        try {
            return Optional.of(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (LinkageError | RuntimeException notUnix) {
            return Optional.empty();
        }
    }
}
