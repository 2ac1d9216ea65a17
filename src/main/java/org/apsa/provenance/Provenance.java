package org.apsa.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where an output comes from. As JSON (in {@code assess --format json} and {@code run.json})
 * it reads {@code tool}, {@code version}, {@code rules}, {@code rulesFingerprint} and, when
 * there is one, {@code created}.
 *
 * @param version     the tool's version ({@link ToolVersion})
 * @param rules       the rules folder, as the rule base names it, or {@value #EMBEDDED} for the rules built into the tool
 * @param fingerprint the SHA-256 of the rules' DRL files (names and texts), hex
 * @param created     when the run began, to the second; null for an output that is the same bytes
 *                    on every run ({@code assess --format json})
 */
@JsonPropertyOrder({"tool", "version", "rules", "rulesFingerprint", "created"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String version, String rules, @JsonProperty("rulesFingerprint") String fingerprint,
                         @JsonSerialize(using = ToStringSerializer.class) Instant created) {

    /** How the rules built into the tool are named. */
    public static final String EMBEDDED = "embedded";

    /** Characters of the fingerprint a report shows: enough to tell rule bases apart. */
    static final int SHORT = 12;

    public Provenance {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(fingerprint, "fingerprint");
        created = created == null ? null : created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This build of the tool, the rules given, now. */
    public static Provenance of(String rules, String fingerprint, Instant created) {
        return new Provenance(ToolVersion.current(), rules, fingerprint, created);
    }

    /** This build of the tool and a rule base: its folder, or {@value #EMBEDDED}, and its fingerprint; {@code created} may be null. */
    public static Provenance of(RuleBase rules, Instant created) {
        return of(EmbeddedRules.isEmbedded(rules.folder()) ? EMBEDDED : rules.folder().toString(), rules.fingerprint(), created);
    }

    /** The same without its time, for an output that is the same bytes on every run. */
    public Provenance undated() {
        return new Provenance(version, rules, fingerprint, null);
    }

    /** The tool that made the output: {@value ToolVersion#NAME}. */
    @JsonProperty
    public String tool() {
        return ToolVersion.NAME;
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
        return "Made by " + ToolVersion.NAME + " " + version + (created == null ? "" : " on " + created) + ", with "
                + (rules.equals(EMBEDDED) ? "the embedded rules" : "the rules of the folder " + rules)
                + " (fingerprint " + shortFingerprint() + ").";
    }
}
