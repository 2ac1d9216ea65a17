package org.apsa.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Where an output comes from. As JSON (in {@code assess --format json} and {@code run.json})
 * it reads {@code tool}, {@code version}, {@code rules}, {@code rulesFingerprint} and, when
 * there is one, {@code created}.
 *
 * @param version     the tool's version ({@link #VERSION})
 * @param rules       the rules folder, as the rule base names it, or {@value #EMBEDDED} for the rules built into the tool
 * @param fingerprint the SHA-256 of the rules' DRL files (names and texts), hex
 * @param created     when the run began, to the second; null for an output that is the same bytes
 *                    on every run ({@code assess --format json})
 */
@JsonPropertyOrder({"tool", "version", "rules", "rulesFingerprint", "created"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String version, String rules, @JsonProperty("rulesFingerprint") String fingerprint,
                         @JsonSerialize(using = ToStringSerializer.class) Instant created) {

    /** The tool's name in provenance. */
    public static final String TOOL = "apsa";

    /**
     * The tool's version: the Maven project's, written into {@code application.properties} by the
     * build ({@code apsa.version=@project.version@}, Spring Boot's resource filtering), so that the
     * classes in a test run know it as well as the packaged jar.
     */
    public static final String VERSION = readVersion();

    /** How the rules built into the tool are named. */
    public static final String EMBEDDED = "embedded";

    public Provenance {
        created = created == null ? null : created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This build of the tool and a rule base: its folder, or {@value #EMBEDDED}, and its fingerprint; {@code created} may be null. */
    public static Provenance of(RuleBase rules, Instant created) {
        return new Provenance(VERSION, EmbeddedRules.isEmbedded(rules.folder()) ? EMBEDDED : rules.folder().toString(),
                rules.fingerprint(), created);
    }

    /** The same without its time, for an output that is the same bytes on every run. */
    public Provenance undated() {
        return new Provenance(version, rules, fingerprint, null);
    }

    /** The tool that made the output: {@value #TOOL}. */
    @JsonProperty
    public String tool() {
        return TOOL;
    }

    /**
     * In words, for the reports: {@code Made by apsa 0.1.0 on 2026-12-07T12:55:00Z, with the rules
     * of the folder rules (fingerprint dbf13ce7e7ca).}
     */
    public String sentence() {
        return "Made by " + TOOL + " " + version + (created == null ? "" : " on " + created) + ", with "
                + (rules.equals(EMBEDDED) ? "the embedded rules" : "the rules of the folder " + rules)
                + " (fingerprint " + shortFingerprint(fingerprint) + ").";
    }

    /** The first twelve digits of a fingerprint: enough to tell rule bases apart by eye. */
    public static String shortFingerprint(String fingerprint) {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/application.properties")) {
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
