package cn.cvp.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly (issue 14): an unknown field, a repeated key, absurd nesting or an over-long
 * string is a refusal ({@link ProblemMappers#unreadable}), never silently ignored, last-one-wins or a 500.
 * Event consumers stay tolerant of fields they do not know: {@link cn.cvp.kit.events.EventCodec} reads with a
 * copy that ignores them.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** Deeper than any request or event of ours (they nest three or four levels). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Characters of one JSON string; the longest free text we accept is far shorter. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
    }
}
