package org.apsa.provenance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a batch's results come from.
 *
 * @param version     the tool's version ({@link ToolVersion})
 * @param rules       the rules folder, as the rule base names it, or {@value #EMBEDDED} for the rules built into the tool
 * @param fingerprint the SHA-256 of the rules' DRL files (names and texts), hex
 * @param created     when the run began, to the second
 */
public record Provenance(String version, String rules, String fingerprint, Instant created) {

    /** How the rules built into the tool are named. */
    public static final String EMBEDDED = "embedded";

    /** Characters of the fingerprint a report shows: enough to tell rule bases apart. */
    static final int SHORT = 12;

    public Provenance {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(fingerprint, "fingerprint");
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This build of the tool, the rules given, now. */
    public static Provenance of(String rules, String fingerprint, Instant created) {
        return new Provenance(ToolVersion.current(), rules, fingerprint, created);
    }

    /** The fingerprint as a report shows it. */
    public String shortFingerprint() {
        return fingerprint.length() <= SHORT ? fingerprint : fingerprint.substring(0, SHORT);
    }

    /**
     * In words, for the reports: {@code Made by apsa 0.1.0 on 2026-12-07T12:55:00Z, with the rules
     * of the folder rules (fingerprint dbf13ce7e7ca).}
     */
    public String sentence() {
        return "Made by " + ToolVersion.NAME + " " + version + " on " + created + ", with "
                + (rules.equals(EMBEDDED) ? "the embedded rules" : "the rules of the folder " + rules)
                + " (fingerprint " + shortFingerprint() + ").";
    }
}
