package org.apsa.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool's version: the Maven project's, written into {@code application.properties} by the
 * build ({@code apsa.version=@project.version@}, Spring Boot's resource filtering), so that the
 * classes in a test run know it as well as the packaged jar.
 */
public final class ToolVersion {

    /** The tool's name in provenance. */
    public static final String NAME = "apsa";

    private static final String VERSION = read();

    private ToolVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("apsa.version", "");
            // Unfiltered (run from sources without the build's resources step): no version to tell.
            return version.isBlank() || version.startsWith("@") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tool's version from application.properties", e);
        }
    }
}
