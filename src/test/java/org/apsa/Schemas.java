package org.apsa;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas published in {@code schemas/}, read by a third-party validator as a user's
 * program would read them: from the files, their {@code $ref}s to each other resolved beside
 * them. A new output gets its schema there and a test that validates real output with
 * {@link #assertValid} (see {@code OutputSchemasTest}).
 */
public final class Schemas {

    public static final Path FOLDER = Path.of("schemas");

    /** Reads the schema files, and nothing from the network: schemas/ has every schema a $ref names. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources()
                    .allow(iri -> iri.toString().startsWith("file:"))));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The problems the validator finds in {@code json} against {@code schemas/NAME}; empty when it is valid. */
    public static List<String> problems(String name, String json) {
        Schema schema = LOADED.computeIfAbsent(name,
                n -> REGISTRY.getSchema(SchemaLocation.of(FOLDER.resolve(n).toAbsolutePath().toUri().toString())));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Fails naming each problem when {@code json} does not validate against {@code schemas/NAME}. */
    public static void assertValid(String name, String json) {
        assertThat(problems(name, json)).as("%s against schemas/%s", abbreviated(json), name).isEmpty();
    }

    private static String abbreviated(String json) {
        return json.length() <= 300 ? json : json.substring(0, 300) + "...";
    }
}
